package io.netkit.testkit.nntp.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One stored article: its bytes as received (any line ends), its message-id, when it arrived, and
 * the header fields the overview needs. Immutable.
 */
public final class SpoolArticle {
  private final byte[] content;
  private final String messageId;
  private final Instant arrived;
  private final Map<String, String> headers;
  private final int headEnd;
  private final long lines;

  private SpoolArticle(byte[] content, String messageId, Instant arrived, Map<String, String> headers, int headEnd) {
    this.content = content;
    this.messageId = messageId;
    this.arrived = arrived;
    this.headers = headers;
    this.headEnd = headEnd;
    long count = 0;
    for (int i = bodyStart(); i < content.length; i++) {
      if (content[i] == '\n') {
        count++;
      }
    }
    this.lines = count;
  }

  /** Parses {@code content}; {@code fallbackId} is used when it has no Message-ID header. */
  public static SpoolArticle of(byte[] content, String fallbackId, Instant arrived) {
    int end = headerEnd(content);
    Map<String, String> headers = parseHeaders(new String(content, 0, end, StandardCharsets.UTF_8));
    String id = headers.getOrDefault("message-id", fallbackId).strip();
    return new SpoolArticle(content.clone(), id, arrived, headers, end);
  }

  /** Where the headers end (the index of the blank line), or the length when there is none. */
  static int headerEnd(byte[] content) {
    for (int i = 0; i < content.length; i++) {
      if (content[i] == '\n') {
        int next = i + 1;
        if (next < content.length && content[next] == '\n') {
          return next;
        }
        if (next + 1 < content.length && content[next] == '\r' && content[next + 1] == '\n') {
          return next;
        }
      }
    }
    return content.length;
  }

  private static Map<String, String> parseHeaders(String head) {
    Map<String, String> headers = new LinkedHashMap<>();
    String last = null;
    for (String raw : head.split("\n")) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
        headers.put(last, headers.get(last) + " " + line.strip());
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        headers.putIfAbsent(last, line.substring(colon + 1).strip());
      }
    }
    return headers;
  }

  /** True when the content starts with at least one header field. */
  public static boolean looksLikeArticle(byte[] content) {
    String start = new String(content, 0, Math.min(content.length, 200), StandardCharsets.ISO_8859_1);
    int colon = start.indexOf(':');
    int space = start.indexOf(' ');
    int newline = start.indexOf('\n');
    return colon > 0 && (space < 0 || colon < space) && (newline < 0 || colon < newline);
  }

  public byte[] content() {
    return content.clone();
  }

  public String messageId() {
    return messageId;
  }

  public Instant arrived() {
    return arrived;
  }

  /** A header's (unfolded) value, or {@code ""}. */
  public String header(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
  }

  /** The header lines (without the blank line). */
  public byte[] head() {
    byte[] head = new byte[headEnd];
    System.arraycopy(content, 0, head, 0, headEnd);
    return head;
  }

  /** The body (after the blank line). */
  public byte[] body() {
    int start = bodyStart();
    byte[] body = new byte[content.length - start];
    System.arraycopy(content, start, body, 0, body.length);
    return body;
  }

  private int bodyStart() {
    if (headEnd >= content.length) {
      return content.length;
    }
    return content[headEnd] == '\r' ? Math.min(content.length, headEnd + 2) : headEnd + 1;
  }

  public long size() {
    return content.length;
  }

  public long lines() {
    return lines;
  }
}
