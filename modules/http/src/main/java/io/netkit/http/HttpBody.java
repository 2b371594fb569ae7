package io.netkit.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A request body: where its bytes come from, how many there are, and their media type. Bytes and
 * files are replayable (a 307 redirect or a retry can send them again); a stream is sent once and
 * streamed, never held in memory. Immutable (a stream body hands out its one stream once).
 */
public final class HttpBody {
  /** Opens the bytes; called once per sending. */
  @FunctionalInterface
  interface Source {
    InputStream open() throws IOException;
  }

  private final Source source;
  private final Writer writer;
  private final long length;
  private final String contentType;
  private final boolean replayable;

  private HttpBody(Source source, long length, String contentType, boolean replayable) {
    this(source, null, length, contentType, replayable);
  }

  private HttpBody(Source source, Writer writer, long length, String contentType, boolean replayable) {
    this.source = source;
    this.writer = writer;
    this.length = length;
    this.contentType = contentType;
    this.replayable = replayable;
  }

  /** A body of these bytes (copied). */
  public static HttpBody of(byte[] bytes, String contentType) {
    byte[] copy = bytes.clone();
    return new HttpBody(() -> new ByteArrayInputStream(copy), copy.length, contentType, true);
  }

  /** A body of this text in UTF-8. */
  public static HttpBody of(String text, String contentType) {
    return of(text.getBytes(StandardCharsets.UTF_8), contentType);
  }

  /** A body read from a file when sent (its size then is the length). */
  public static HttpBody ofFile(Path file, String contentType) throws IOException {
    Objects.requireNonNull(file, "file");
    long size = Files.size(file);
    return new HttpBody(() -> Files.newInputStream(file), size, contentType, true);
  }

  /**
   * A body streamed from {@code in} (read to its end, not closed), sent once.
   *
   * @param length the byte count, or -1 when unknown (then sent chunked on HTTP/1.1)
   */
  public static HttpBody ofStream(InputStream in, long length, String contentType) {
    Objects.requireNonNull(in, "in");
    InputStream unclosed = new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // the caller's stream: the caller closes it
      }
    };
    return new HttpBody(() -> unclosed, length, contentType, false);
  }

  /** Writes a body's bytes to the wire; called once per sending, and again for a resend. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the whole body to {@code out} (not closing it). */
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  /**
   * A body written by {@code writer} as it is sent, never held in memory. To send its length
   * (servers of old protocols such as XML-RPC want {@code Content-Length}) the writer runs twice:
   * once into a byte counter, once onto the wire; it must write the same bytes each time.
   */
  public static HttpBody streaming(Writer writer, String contentType) throws IOException {
    Objects.requireNonNull(writer, "writer");
    long[] count = {0};
    writer.writeTo(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        count[0]++;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        count[0] += len;
      }
    });
    return new HttpBody(null, writer, count[0], contentType, true);
  }

  /** An {@code application/x-www-form-urlencoded} body of these fields, in their order. */
  public static HttpBody form(Map<String, String> fields) {
    StringJoiner joined = new StringJoiner("&");
    fields.forEach(
        (k, v) ->
            joined.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return of(joined.toString(), "application/x-www-form-urlencoded");
  }

  /** The byte count, or -1 when unknown. */
  public long length() {
    return length;
  }

  /** The media type, or null when none is sent. */
  public String contentType() {
    return contentType;
  }

  /** True when the bytes can be sent again (bytes, files), false for a stream. */
  public boolean replayable() {
    return replayable;
  }

  /**
   * Writes the bytes to {@code out} (not closing it); returns how many were written. Every body
   * can be sent this way, whatever its source.
   */
  public long writeTo(java.io.OutputStream out) throws IOException {
    if (writer != null) {
      java.io.FilterOutputStream counted = new java.io.FilterOutputStream(out) {
        long n;

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          n++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          n += len;
        }

        @Override
        public String toString() {
          return Long.toString(n);
        }
      };
      writer.writeTo(counted);
      return Long.parseLong(counted.toString());
    }
    try (InputStream in = source.open()) {
      byte[] buffer = new byte[64 * 1024];
      long n = 0;
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        n += read;
      }
      return n;
    }
  }

  /** Opens the bytes for sending (for a streaming body: not supported, use {@link #writeTo}). */
  public InputStream open() throws IOException {
    if (source == null) {
      throw new UnsupportedOperationException("a streaming body is written, not opened: use writeTo");
    }
    return source.open();
  }
}
