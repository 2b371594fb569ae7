package io.netkit.testkit.ftp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A control socket whose output goes out one byte at a time with a pause after each, for {@link
 * io.netkit.testkit.Fault#DRIP}. Only what MockFtpServer's session uses is passed on.
 */
final class DripSocket extends Socket {
  private final Socket real;
  private final long pauseMillis;

  DripSocket(Socket real, Duration pause) {
    this.real = real;
    this.pauseMillis = Math.max(1, pause.toMillis());
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return real.getInputStream();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return new FilterOutputStream(real.getOutputStream()) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        out.flush();
        try {
          Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("drip interrupted");
        }
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
          write(b[off + i]);
        }
      }
    };
  }

  @Override
  public InetAddress getInetAddress() {
    return real.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return real.getLocalAddress();
  }

  @Override
  public int getPort() {
    return real.getPort();
  }

  @Override
  public int getLocalPort() {
    return real.getLocalPort();
  }

  @Override
  public boolean isClosed() {
    return real.isClosed();
  }

  @Override
  public synchronized void close() throws IOException {
    real.close();
  }
}
