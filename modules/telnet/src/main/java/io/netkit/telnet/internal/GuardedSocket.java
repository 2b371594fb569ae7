package io.netkit.telnet.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.function.Function;

/**
 * The core's socket as Commons Net sees it, with the {@link WireGuard} slid under its input:
 * Commons Net wraps {@link #getInputStream()} in its decoder and offers no other place to bound
 * what it reads. Every call goes to the core's socket, so its timeouts, deadline and trace apply
 * unchanged.
 */
final class GuardedSocket extends Socket {
  private final Socket core;
  private final Function<InputStream, InputStream> guard;
  private InputStream input;

  GuardedSocket(Socket core, Function<InputStream, InputStream> guard) {
    this.core = core;
    this.guard = guard;
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    core.connect(endpoint);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    core.connect(endpoint, timeout);
  }

  @Override
  public void bind(SocketAddress local) throws IOException {
    core.bind(local);
  }

  @Override
  public synchronized InputStream getInputStream() throws IOException {
    if (input == null) {
      input = guard.apply(core.getInputStream());
    }
    return input;
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return core.getOutputStream();
  }

  @Override
  public synchronized void close() throws IOException {
    try {
      core.close();
    } finally {
      super.close();
    }
  }

  @Override
  public boolean isConnected() {
    return core.isConnected();
  }

  @Override
  public boolean isBound() {
    return core.isBound();
  }

  @Override
  public boolean isClosed() {
    return core.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return core.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return core.isOutputShutdown();
  }

  @Override
  public void shutdownInput() throws IOException {
    core.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    core.shutdownOutput();
  }

  @Override
  public InetAddress getInetAddress() {
    return core.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return core.getLocalAddress();
  }

  @Override
  public int getPort() {
    return core.getPort();
  }

  @Override
  public int getLocalPort() {
    return core.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return core.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return core.getLocalSocketAddress();
  }

  @Override
  public void setSoTimeout(int timeout) throws SocketException {
    core.setSoTimeout(timeout);
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return core.getSoTimeout();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    core.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return core.getTcpNoDelay();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    core.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return core.getKeepAlive();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    core.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return core.getSoLinger();
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    core.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return core.getReceiveBufferSize();
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    core.setSendBufferSize(size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return core.getSendBufferSize();
  }

  @Override
  public void setOOBInline(boolean on) throws SocketException {
    core.setOOBInline(on);
  }

  @Override
  public boolean getOOBInline() throws SocketException {
    return core.getOOBInline();
  }

  @Override
  public String toString() {
    return core.toString();
  }
}
