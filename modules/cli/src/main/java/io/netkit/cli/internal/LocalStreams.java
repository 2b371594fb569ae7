package io.netkit.cli.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Wraps the local side of a transfer so that, when a transfer fails, the command can tell a local
 * failure (disk full, closed pipe) from a network one even after a protocol module has wrapped
 * the exception in its own: the wrapper remembers the first local failure.
 */
public final class LocalStreams {
  private LocalStreams() {}

  /** An output stream that remembers the first failure of {@code out}, described as {@code name}. */
  public static Recording<OutputStream> output(OutputStream out, String name) {
    Recorder recorder = new Recorder(name, "write");
    return new Recording<>(
        new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            try {
              recorder.checkNotAbandoned();
              out.write(b, off, len);
              if (out instanceof PrintStream print && print.checkError()) {
                // PrintStream swallows errors (a closed pipe): surface them.
                throw new IOException("write failed");
              }
            } catch (IOException e) {
              throw recorder.failed(e);
            }
          }

          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void flush() throws IOException {
            try {
              recorder.checkNotAbandoned();
              out.flush();
            } catch (IOException e) {
              throw recorder.failed(e);
            }
          }

          @Override
          public void close() throws IOException {
            // The command owns the underlying stream; protocol modules must not close stdout.
            flush();
          }
        },
        recorder);
  }

  /** An input stream that remembers the first failure of {@code in}, described as {@code name}. */
  public static Recording<InputStream> input(InputStream in, String name) {
    Recorder recorder = new Recorder(name, "read");
    return new Recording<>(
        new FilterInputStream(in) {
          @Override
          public int read() throws IOException {
            try {
              recorder.checkNotAbandoned();
              return in.read();
            } catch (IOException e) {
              throw recorder.failed(e);
            }
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            try {
              recorder.checkNotAbandoned();
              return in.read(b, off, len);
            } catch (IOException e) {
              throw recorder.failed(e);
            }
          }

          @Override
          public void close() {
            // The command owns the underlying stream.
          }
        },
        recorder);
  }

  /**
   * A wrapped stream and what it recorded.
   *
   * @param stream hand this to the protocol module
   * @param recorder ask it after a failure
   */
  public record Recording<S>(S stream, Recorder recorder) {
    /**
     * Rethrows {@code failure} as a {@link LocalFileException} when the local side failed, else
     * as it is.
     */
    public IOException classify(IOException failure) {
      return recorder.failure == null ? failure : recorder.failure;
    }

    /**
     * Makes every later read or write fail: the command gave up at {@code --max-time} and its
     * abandoned worker must not keep writing to standard output. Thread-safe.
     */
    public void abandon() {
      recorder.abandoned = true;
    }
  }

  /** Remembers the first local failure. */
  public static final class Recorder {
    private final String name;
    private final String verb;
    private volatile LocalFileException failure;
    private volatile boolean abandoned;

    private Recorder(String name, String verb) {
      this.name = name;
      this.verb = verb;
    }

    private void checkNotAbandoned() throws IOException {
      if (abandoned) {
        throw new IOException("the command gave up on this transfer");
      }
    }

    private LocalFileException failed(IOException e) {
      if (failure == null) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String message = "cannot " + verb + " " + name + ": " + why;
        failure =
            verb.equals("read")
                ? LocalFileException.reading(message, e)
                : new LocalFileException(message, e);
      }
      return failure;
    }
  }
}
