package io.netkit.cli.internal;

import io.netkit.cli.ExitCode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Keeps binary content off a terminal, as curl does: a chunk holding a NUL byte (which text never
 * has, and which a terminal would turn into garbage and stray escape sequences) fails the write
 * before any of it is written, with one plain sentence saying what to do instead. Text passes
 * through unchanged. Writes are checked chunk by chunk; one thread only.
 */
public final class TerminalGuard extends FilterOutputStream {
  private CommandException refusal;

  /** Guards {@code terminal}, which is standard output on a terminal. */
  public TerminalGuard(OutputStream terminal) {
    super(terminal);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      if (b[i] == 0) {
        refusal =
            new CommandException(
                "binary content is not written to the terminal: use -o FILE or redirect"
                    + " standard output (-o - writes it to the terminal anyway)",
                ExitCode.LOCAL_FILE,
                null);
        throw refusal;
      }
    }
    out.write(b, off, len);
  }

  /** The refusal, once binary content came; null until then. */
  public CommandException refusal() {
    return refusal;
  }
}
