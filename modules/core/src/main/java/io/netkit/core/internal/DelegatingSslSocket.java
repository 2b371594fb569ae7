package io.netkit.core.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An {@link SSLSocket} that passes every call to another one, {@code d}, and carries no logic of
 * its own: the boilerplate under {@link CoreSslSocket}, which overrides what netkit changes
 * (connect, timeouts, handshake, streams, close).
 */
abstract class DelegatingSslSocket extends SSLSocket {
  /** The JDK's socket every call goes to. */
  protected final SSLSocket d;

  DelegatingSslSocket(SSLSocket delegate) {
    this.d = delegate;
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return d.getSupportedCipherSuites();
  }

  @Override
  public String[] getEnabledCipherSuites() {
    return d.getEnabledCipherSuites();
  }

  @Override
  public void setEnabledCipherSuites(String[] suites) {
    d.setEnabledCipherSuites(suites);
  }

  @Override
  public String[] getSupportedProtocols() {
    return d.getSupportedProtocols();
  }

  @Override
  public String[] getEnabledProtocols() {
    return d.getEnabledProtocols();
  }

  @Override
  public void setEnabledProtocols(String[] protocols) {
    d.setEnabledProtocols(protocols);
  }

  @Override
  public SSLSession getSession() {
    return d.getSession();
  }

  @Override
  public SSLSession getHandshakeSession() {
    return d.getHandshakeSession();
  }

  @Override
  public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
    d.addHandshakeCompletedListener(listener);
  }

  @Override
  public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
    d.removeHandshakeCompletedListener(listener);
  }

  @Override
  public void setUseClientMode(boolean mode) {
    d.setUseClientMode(mode);
  }

  @Override
  public boolean getUseClientMode() {
    return d.getUseClientMode();
  }

  @Override
  public void setNeedClientAuth(boolean need) {
    d.setNeedClientAuth(need);
  }

  @Override
  public boolean getNeedClientAuth() {
    return d.getNeedClientAuth();
  }

  @Override
  public void setWantClientAuth(boolean want) {
    d.setWantClientAuth(want);
  }

  @Override
  public boolean getWantClientAuth() {
    return d.getWantClientAuth();
  }

  @Override
  public void setEnableSessionCreation(boolean flag) {
    d.setEnableSessionCreation(flag);
  }

  @Override
  public boolean getEnableSessionCreation() {
    return d.getEnableSessionCreation();
  }

  @Override
  public SSLParameters getSSLParameters() {
    return d.getSSLParameters();
  }

  @Override
  public void setSSLParameters(SSLParameters parameters) {
    d.setSSLParameters(parameters);
  }

  @Override
  public String getApplicationProtocol() {
    return d.getApplicationProtocol();
  }

  @Override
  public String getHandshakeApplicationProtocol() {
    return d.getHandshakeApplicationProtocol();
  }

  @Override
  public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
    d.setHandshakeApplicationProtocolSelector(selector);
  }

  @Override
  public BiFunction<SSLSocket, List<String>, String> getHandshakeApplicationProtocolSelector() {
    return d.getHandshakeApplicationProtocolSelector();
  }

  @Override
  public void bind(SocketAddress local) throws IOException {
    d.bind(local);
  }

  @Override
  public InetAddress getInetAddress() {
    return d.getInetAddress();
  }

  @Override
  public InetAddress getLocalAddress() {
    return d.getLocalAddress();
  }

  @Override
  public int getPort() {
    return d.getPort();
  }

  @Override
  public int getLocalPort() {
    return d.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    return d.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    return d.getLocalSocketAddress();
  }

  @Override
  public SocketChannel getChannel() {
    return d.getChannel();
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    d.setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return d.getTcpNoDelay();
  }

  @Override
  public void setSoLinger(boolean on, int linger) throws SocketException {
    d.setSoLinger(on, linger);
  }

  @Override
  public int getSoLinger() throws SocketException {
    return d.getSoLinger();
  }

  @Override
  public void sendUrgentData(int data) throws IOException {
    d.sendUrgentData(data);
  }

  @Override
  public void setOOBInline(boolean on) throws SocketException {
    d.setOOBInline(on);
  }

  @Override
  public boolean getOOBInline() throws SocketException {
    return d.getOOBInline();
  }

  @Override
  public int getSoTimeout() throws SocketException {
    return d.getSoTimeout();
  }

  @Override
  public void setSendBufferSize(int size) throws SocketException {
    d.setSendBufferSize(size);
  }

  @Override
  public int getSendBufferSize() throws SocketException {
    return d.getSendBufferSize();
  }

  @Override
  public void setReceiveBufferSize(int size) throws SocketException {
    d.setReceiveBufferSize(size);
  }

  @Override
  public int getReceiveBufferSize() throws SocketException {
    return d.getReceiveBufferSize();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    d.setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return d.getKeepAlive();
  }

  @Override
  public void setTrafficClass(int tc) throws SocketException {
    d.setTrafficClass(tc);
  }

  @Override
  public int getTrafficClass() throws SocketException {
    return d.getTrafficClass();
  }

  @Override
  public void setReuseAddress(boolean on) throws SocketException {
    d.setReuseAddress(on);
  }

  @Override
  public boolean getReuseAddress() throws SocketException {
    return d.getReuseAddress();
  }

  @Override
  public void shutdownInput() throws IOException {
    d.shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    d.shutdownOutput();
  }

  @Override
  public String toString() {
    return d.toString();
  }

  @Override
  public boolean isConnected() {
    return d.isConnected();
  }

  @Override
  public boolean isBound() {
    return d.isBound();
  }

  @Override
  public boolean isClosed() {
    return d.isClosed();
  }

  @Override
  public boolean isInputShutdown() {
    return d.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    return d.isOutputShutdown();
  }

  @Override
  public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
    d.setPerformancePreferences(connectionTime, latency, bandwidth);
  }

  @Override
  public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
    d.setOption(name, value);
    return this;
  }

  @Override
  public <T> T getOption(SocketOption<T> name) throws IOException {
    return d.getOption(name);
  }

  @Override
  public Set<SocketOption<?>> supportedOptions() {
    return d.supportedOptions();
  }
}
