package io.netkit.smtp.internal;

import io.netkit.smtp.Content;
import jakarta.activation.DataSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A {@link Content} as the {@link DataSource} of a MIME part. The stream it opens marks its own
 * failures as {@link SourceFailure}s, so a send can tell "the file could not be read" (cut the
 * connection: the half-sent message must never be completed) from "the server went away".
 */
final class ContentSource implements DataSource {
  private final Content content;
  private final String type;
  private final String name;

  ContentSource(Content content, String type, String name) {
    this.content = content;
    this.type = type;
    this.name = name;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return marked(content, name);
  }

  /** Opens {@code content}, its failures marked as the source's. */
  static InputStream marked(Content content, String what) throws IOException {
    InputStream in;
    try {
      in = content.open();
    } catch (IOException e) {
      throw new SourceFailure(what, e);
    }
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw new SourceFailure(what, e);
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw new SourceFailure(what, e);
        }
      }
    };
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    throw new IOException("read-only content");
  }

  @Override
  public String getContentType() {
    return type;
  }

  @Override
  public String getName() {
    return name;
  }

  /** Reading the caller's content failed (not the connection). */
  static final class SourceFailure extends IOException {
    SourceFailure(String what, IOException cause) {
      super("cannot read " + what + ": " + cause.getMessage(), cause);
    }
  }
}
