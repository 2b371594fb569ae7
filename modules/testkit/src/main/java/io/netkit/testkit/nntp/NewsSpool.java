package io.netkit.testkit.nntp;

import io.netkit.testkit.nntp.internal.SpoolArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The groups and articles an {@link NntpMockServer} serves, in memory: made in code ({@link
 * #group}, {@link #article}) or read from a directory ({@link #fromDirectory}: one folder per
 * group, one file per article), and added to by POST and IHAVE. Articles are numbered from 1 in
 * each group in the order added. Thread-safe (one lock).
 */
public final class NewsSpool {
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<String, SpoolArticle> byId = new LinkedHashMap<>();
  private int generated;

  /** What the spool knows of one group. */
  private static final class Group {
    final String description;
    final String status;
    final Instant created;
    final NavigableMap<Long, SpoolArticle> articles = new TreeMap<>();
    long next = 1;

    Group(String description, String status, Instant created) {
      this.description = description;
      this.status = status;
      this.created = created;
    }
  }

  /** A summary of one group: name, count, low, high, status, description, creation time. */
  public record GroupInfo(
      String name, long count, long low, long high, String status, String description, Instant created) {}

  /** An article's place: group, number, and the article itself. */
  record Located(String group, long number, SpoolArticle article) {}

  /** An empty spool. */
  public NewsSpool() {}

  /**
   * A spool with the directory's groups: each subfolder of {@code root} is a group of its name,
   * each regular file in it an article (in file-name order, numbered from 1; a file named by a
   * number gets that number). A file that does not start with a header line gets a minimal head
   * (From, Subject = file name, Message-ID). Files directly in {@code root} are not articles and
   * are ignored. Read once, now.
   */
  public static NewsSpool fromDirectory(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("not a directory: " + root);
    }
    NewsSpool spool = new NewsSpool();
    List<Path> folders;
    try (Stream<Path> list = Files.list(root)) {
      folders = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
    for (Path folder : folders) {
      String group = folder.getFileName().toString();
      spool.group(group, "files of " + folder);
      List<Path> files;
      try (Stream<Path> list = Files.list(folder)) {
        files = list.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      }
      for (Path file : files) {
        byte[] content = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        if (!SpoolArticle.looksLikeArticle(content)) {
          String head =
              "From: netkit-mock@example.com\r\nSubject: " + name + "\r\nNewsgroups: " + group
                  + "\r\nMessage-ID: <" + group + "." + name.replaceAll("[^A-Za-z0-9.-]", "_") + "@netkit.mock>\r\n\r\n";
          byte[] whole = new byte[head.length() + content.length];
          System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, whole, 0, head.length());
          System.arraycopy(content, 0, whole, head.length(), content.length);
          content = whole;
        }
        long number = name.matches("[0-9]{1,15}") ? Long.parseLong(name) : -1;
        spool.add(group, content, number, Files.getLastModifiedTime(file).toInstant());
      }
    }
    return spool;
  }

  /** Adds an empty group (status {@code y}) if it is not there. */
  public NewsSpool group(String name, String description) {
    return group(name, description, "y");
  }

  /** Adds an empty group with a posting status ({@code y}, {@code n}, {@code m}). */
  public synchronized NewsSpool group(String name, String description, String status) {
    groups.putIfAbsent(name, new Group(description, status, Instant.now()));
    return this;
  }

  /** Adds an article (headers, blank line, body) to {@code group}, creating the group. */
  public NewsSpool article(String group, String article) {
    group(group, "");
    add(group, article.getBytes(StandardCharsets.UTF_8), -1, Instant.now());
    return this;
  }

  /**
   * Stores an article in every existing group it names (its Newsgroups), as a post does.
   *
   * @return the groups it went to (empty when it names none that exists, or its id is known)
   */
  public synchronized List<String> post(byte[] content, Instant now) {
    String fallback = "<posted." + (++generated) + "." + now.toEpochMilli() + "@netkit.mock>";
    SpoolArticle parsed = SpoolArticle.of(content, fallback, now);
    if (byId.containsKey(parsed.messageId())) {
      return List.of();
    }
    List<String> to = new ArrayList<>();
    for (String name : parsed.header("newsgroups").split(",")) {
      if (groups.containsKey(name.strip()) && !to.contains(name.strip())) {
        to.add(name.strip());
      }
    }
    for (String name : to) {
      add(name, content, -1, now);
    }
    return to;
  }

  private synchronized void add(String group, byte[] content, long wanted, Instant arrived) {
    Group g = groups.get(group);
    long number = wanted > 0 && !g.articles.containsKey(wanted) ? wanted : g.next;
    String fallback = "<" + group + "." + number + "@netkit.mock>";
    SpoolArticle article = SpoolArticle.of(content, fallback, arrived);
    g.articles.put(number, article);
    g.next = Math.max(g.next, number + 1);
    byId.putIfAbsent(article.messageId(), article);
  }

  /** Every group, in the order added. */
  public synchronized List<GroupInfo> groups() {
    List<GroupInfo> all = new ArrayList<>();
    groups.forEach((name, g) -> all.add(info(name, g)));
    return all;
  }

  /** One group, if it exists. */
  public synchronized Optional<GroupInfo> info(String name) {
    Group g = groups.get(name);
    return g == null ? Optional.empty() : Optional.of(info(name, g));
  }

  private static GroupInfo info(String name, Group g) {
    long count = g.articles.size();
    long low = count == 0 ? g.next : g.articles.firstKey();
    long high = count == 0 ? g.next - 1 : g.articles.lastKey();
    return new GroupInfo(name, count, low, high, g.status, g.description, g.created);
  }

  /** The article numbered {@code number} in {@code group}. */
  public synchronized Optional<SpoolArticle> article(String group, long number) {
    Group g = groups.get(group);
    return g == null ? Optional.empty() : Optional.ofNullable(g.articles.get(number));
  }

  /** The article with this message-id. */
  public synchronized Optional<SpoolArticle> article(String messageId) {
    return Optional.ofNullable(byId.get(messageId));
  }

  /** The numbers in {@code group} from {@code low} to {@code high} (inclusive; -1: no end). */
  public synchronized List<Long> numbers(String group, long low, long high) {
    Group g = groups.get(group);
    if (g == null) {
      return List.of();
    }
    return List.copyOf(g.articles.subMap(low, true, high < 0 ? Long.MAX_VALUE : high, true).keySet());
  }

  /** The number after (or, with {@code forward} false, before) {@code number} in {@code group}. */
  synchronized Optional<Long> step(String group, long number, boolean forward) {
    Group g = groups.get(group);
    if (g == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(forward ? g.articles.higherKey(number) : g.articles.lowerKey(number));
  }

  /** The message-ids that arrived at or after {@code since} in groups {@code accept} matches. */
  synchronized List<String> newNews(java.util.function.Predicate<String> accept, Instant since) {
    List<String> ids = new ArrayList<>();
    groups.forEach(
        (name, g) -> {
          if (accept.test(name)) {
            g.articles.values().stream()
                .filter(a -> !a.arrived().isBefore(since))
                .map(SpoolArticle::messageId)
                .filter(id -> !ids.contains(id))
                .forEach(ids::add);
          }
        });
    return ids;
  }
}
