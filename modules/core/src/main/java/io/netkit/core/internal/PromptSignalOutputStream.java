package io.netkit.core.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Tells a {@link CommandInputStream} whenever the client writes, so that its bound on how much the
 * peer may send unprompted counts from the client's last command.
 */
final class PromptSignalOutputStream extends FilterOutputStream {
  private final CommandInputStream input;

  PromptSignalOutputStream(OutputStream out, CommandInputStream input) {
    super(out);
    this.input = input;
  }

  @Override
  public void write(int b) throws IOException {
    input.clientSent();
    out.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    if (len > 0) {
      input.clientSent();
    }
    out.write(b, off, len);
  }
}
