package io.netkit.ftp.internal;

import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.spi.ClientProvider;
import java.net.URI;
import java.util.Locale;

/**
 * FTP URL paths as RFC 1738 and curl read them: the path after the host's {@code /} is
 * percent-decoded and taken relative to the login directory ({@code ftp://host/dir/file} is
 * {@code dir/file}); an absolute path is written with an encoded slash ({@code ftp://host/%2Fetc/x}
 * is {@code /etc/x}). A trailing {@code ;type=a|i} is accepted and dropped (transfers are always
 * binary); {@code ;type=d} asks for the names in a directory (NLST), as curl reads it. Decoded
 * CR, LF or NUL are refused.
 */
public final class FtpUrls {
  private FtpUrls() {}

  /** The server path a URL names ({@code ""} for the login directory). */
  public static String path(URI url) {
    String raw = url.getRawPath() == null ? "" : url.getRawPath();
    raw = stripType(raw);
    if (raw.startsWith("/")) {
      raw = raw.substring(1);
    }
    String path = ClientProvider.decode(raw);
    return UnsafeArgumentException.requireSafe("URL path", path);
  }

  /**
   * True when the URL names a directory: its path is empty or ends with {@code /}, or it has
   * {@code ;type=d}.
   */
  public static boolean isDirectory(URI url) {
    String raw = stripType(url.getRawPath() == null ? "" : url.getRawPath());
    return raw.isEmpty() || raw.endsWith("/") || namesOnly(url);
  }

  /** True for {@code ;type=d}: list the names in the directory only (NLST). */
  public static boolean namesOnly(URI url) {
    String raw = url.getRawPath() == null ? "" : url.getRawPath();
    return raw.toLowerCase(Locale.ROOT).endsWith(";type=d");
  }

  /** The URL of an entry inside the directory URL {@code directory}. */
  public static URI child(URI directory, String name, boolean isDirectory) {
    String base = stripType(directory.getRawPath() == null ? "" : directory.getRawPath());
    if (!base.endsWith("/")) {
      base = base + "/";
    }
    String authority = directory.getRawAuthority() == null ? "" : directory.getRawAuthority();
    String at = authority.lastIndexOf('@') >= 0 ? authority.substring(authority.lastIndexOf('@') + 1) : authority;
    return URI.create(
        directory.getScheme() + "://" + at + base + encode(name) + (isDirectory ? "/" : ""));
  }

  private static String stripType(String raw) {
    int semicolon = raw.lastIndexOf(';');
    if (semicolon >= 0 && raw.substring(semicolon).toLowerCase(Locale.ROOT).startsWith(";type=")) {
      return raw.substring(0, semicolon);
    }
    return raw;
  }

  /** Percent-encodes a name for a URL path segment (UTF-8; unreserved characters kept). */
  static String encode(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
