package io.netkit.smtp;

import io.netkit.core.UnsafeArgumentException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A file attached to a {@link MailMessage}, or an inline image that its HTML body shows with
 * {@code <img src="cid:ID">}. Sent base64-encoded, streamed from its {@link Content}. Immutable.
 *
 * @param fileName the name shown to the recipient (sent RFC 2231-encoded when not ASCII)
 * @param contentType the MIME type, e.g. {@code application/pdf}
 * @param content the bytes
 * @param contentId for an inline part, its Content-ID without angle brackets; null for an
 *     attachment
 */
public record Attachment(String fileName, String contentType, Content content, String contentId) {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("txt", "text/plain"),
          Map.entry("html", "text/html"),
          Map.entry("htm", "text/html"),
          Map.entry("csv", "text/csv"),
          Map.entry("pdf", "application/pdf"),
          Map.entry("zip", "application/zip"),
          Map.entry("gz", "application/gzip"),
          Map.entry("json", "application/json"),
          Map.entry("xml", "application/xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("webp", "image/webp"),
          Map.entry("eml", "message/rfc822"));

  /**
   * Checks the parts: no CR, LF or NUL in any text (header injection), a {@code type/subtype}
   * content type.
   *
   * @throws UnsafeArgumentException for CR, LF or NUL
   */
  public Attachment {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
    UnsafeArgumentException.requireSafe("attachment file name", fileName);
    UnsafeArgumentException.requireSafe("attachment content type", contentType);
    if (!contentType.matches("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;.*)?")) {
      throw new IllegalArgumentException("not a MIME type: '" + contentType + "'");
    }
    if (contentId != null) {
      UnsafeArgumentException.requireSafe("content ID", contentId);
      if (contentId.isEmpty() || contentId.contains("<") || contentId.contains(">") || contentId.contains(" ")) {
        throw new IllegalArgumentException("a content ID is a non-empty word without <, > or spaces");
      }
    }
  }

  /** Attaches a file under its own name, its type guessed from the extension. */
  public static Attachment of(Path file) {
    String name = Objects.requireNonNull(file.getFileName(), "file name").toString();
    return new Attachment(name, typeOf(name), Content.ofFile(file), null);
  }

  /** Attaches {@code content} as {@code fileName} of {@code contentType}. */
  public static Attachment of(String fileName, String contentType, Content content) {
    return new Attachment(fileName, contentType, content, null);
  }

  /** An inline part (an image the HTML shows as {@code cid:contentId}). */
  public static Attachment inline(String contentId, String fileName, String contentType, Content content) {
    return new Attachment(fileName, contentType, content, Objects.requireNonNull(contentId, "contentId"));
  }

  /** An inline image from a file, its type guessed from the extension. */
  public static Attachment inline(String contentId, Path file) {
    String name = Objects.requireNonNull(file.getFileName(), "file name").toString();
    return inline(contentId, name, typeOf(name), Content.ofFile(file));
  }

  /** True for an inline part. */
  public boolean isInline() {
    return contentId != null;
  }

  /** The Content-ID, for an inline part. */
  public Optional<String> inlineId() {
    return Optional.ofNullable(contentId);
  }

  /** The MIME type for a file name's extension; {@code application/octet-stream} when unknown. */
  public static String typeOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }
}
