package io.netkit.http.internal;

import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A directory listing read from an index page, for {@code netkit ls http://host/dir/}: an HTML
 * index (nginx's autoindex, Apache's) gives the relative links of the page, a plain-text one
 * (testkit's) one name a line. Names ending in {@code /} are directories. Links that leave the
 * directory (absolute, {@code ../}, queries, other hosts) are not entries.
 */
final class Listings {
  private static final Pattern HREF =
      Pattern.compile("<a\\s[^>]*href\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  private Listings() {}

  static List<ListEntry> parse(URI directory, String contentType, String page) {
    boolean html = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("html");
    Set<String> links = new LinkedHashSet<>();
    if (html) {
      Matcher m = HREF.matcher(page);
      while (m.find()) {
        links.add(m.group(1).replace("&amp;", "&"));
      }
    } else {
      page.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(links::add);
    }
    URI base = directory.getRawPath() == null || directory.getRawPath().endsWith("/")
        ? directory
        : URI.create(directory.toString() + "/");
    List<ListEntry> entries = new ArrayList<>();
    for (String link : links) {
      if (link.isEmpty() || link.startsWith("/") || link.startsWith("?") || link.startsWith("#")
          || link.startsWith(".") || link.contains("://") || link.contains(":")
          || link.chars().anyMatch(c -> c < 0x20)) {
        continue;
      }
      boolean dir = link.endsWith("/");
      String raw = dir ? link.substring(0, link.length() - 1) : link;
      if (raw.isEmpty() || raw.contains("/")) {
        continue;
      }
      String encoded = html ? raw : encode(raw);
      URI url;
      try {
        url = base.resolve(encoded + (dir ? "/" : ""));
      } catch (IllegalArgumentException odd) {
        continue;
      }
      String name;
      try {
        name = ClientProvider.decode(encoded);
      } catch (IllegalArgumentException malformedEscape) {
        continue;
      }
      // Decoded, a link may still name the parent (%2e%2e) or hide a line break (%0A) that would
      // forge a line of the listing: neither is an entry.
      if (name.equals(".") || name.equals("..") || name.contains("/")
          || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
        continue;
      }
      entries.add(new ListEntry(dir ? "dir" : "file", name, -1, null, url));
    }
    return entries;
  }

  private static String encode(String name) {
    StringBuilder s = new StringBuilder();
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        s.append((char) c);
      } else {
        s.append(String.format("%%%02X", c));
      }
    }
    return s.toString();
  }
}
