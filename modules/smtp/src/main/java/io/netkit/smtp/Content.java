package io.netkit.smtp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bytes to send: an attachment, an inline image, or a prepared message. Content is streamed
 * when the mail is sent, never held whole in memory (except {@link #ofBytes}, which already is).
 *
 * <p>A file is opened each time it is sent, so a message with file content can be sent again; a
 * stream can be read once only, so a message with stream content can be sent once (a second
 * attempt fails with {@link IllegalStateException}), and the caller closes the stream. The size,
 * when known, lets the client refuse a message the server's {@code SIZE} limit would refuse,
 * before anything is sent. Thread-safe; immutable but for a stream's one use.
 */
public final class Content {
  private final Path file;
  private final InputStream stream;
  private final byte[] bytes;
  private final long size;
  private final AtomicBoolean used = new AtomicBoolean();

  private Content(Path file, InputStream stream, byte[] bytes, long size) {
    this.file = file;
    this.stream = stream;
    this.bytes = bytes;
    this.size = size;
  }

  /**
   * The file's bytes, read when the message is sent.
   *
   * @throws IllegalArgumentException when {@code file} is not a readable regular file (checked
   *     now, so a wrong path fails before any connection)
   */
  public static Content ofFile(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException("not a readable file: " + file);
    }
    return new Content(file, null, null, -1);
  }

  /** A stream's bytes, read once when the message is sent; {@code size} is -1 when unknown. */
  public static Content ofStream(InputStream in, long size) {
    Objects.requireNonNull(in, "in");
    if (size < -1) {
      throw new IllegalArgumentException("size must be -1 (unknown) or more: " + size);
    }
    return new Content(null, in, null, size);
  }

  /** A stream's bytes of unknown size, read once when the message is sent. */
  public static Content ofStream(InputStream in) {
    return ofStream(in, -1);
  }

  /** These bytes (copied). */
  public static Content ofBytes(byte[] data) {
    byte[] copy = Objects.requireNonNull(data, "data").clone();
    return new Content(null, null, copy, copy.length);
  }

  /** A text, encoded as UTF-8. */
  public static Content ofText(String text) {
    return ofBytes(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
  }

  /** The number of bytes, when known (a file's size is read now). */
  public OptionalLong size() {
    if (file != null) {
      try {
        return OptionalLong.of(Files.size(file));
      } catch (IOException e) {
        return OptionalLong.empty();
      }
    }
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** The file this content is read from, if it is a file. */
  public java.util.Optional<Path> file() {
    return java.util.Optional.ofNullable(file);
  }

  /**
   * Opens the bytes: a new stream on the file or the bytes, or the caller's stream (the first
   * time only; the caller closes it, and closing the returned stream leaves it open).
   *
   * @throws IllegalStateException when a stream's content was already sent
   * @throws IOException when the file cannot be opened
   */
  public InputStream open() throws IOException {
    if (file != null) {
      return Files.newInputStream(file);
    }
    if (bytes != null) {
      return new ByteArrayInputStream(bytes);
    }
    if (!used.compareAndSet(false, true)) {
      throw new IllegalStateException("stream content can be sent once only");
    }
    return new java.io.FilterInputStream(stream) {
      @Override
      public void close() {
        // The stream is the caller's to close.
      }
    };
  }

  /** True when {@link #open()} can still be called: always, except for a stream already used. */
  public boolean isReusable() {
    return stream == null || !used.get();
  }

  @Override
  public String toString() {
    return file != null ? "file " + file : bytes != null ? bytes.length + " bytes" : "stream";
  }
}
