package io.netkit.core.transport;

import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.internal.SocketGuard;
import io.netkit.core.internal.Timeouts;
import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A UDP socket: send datagrams to any endpoint ({@code sendto}) and receive them with the
 * sender's address ({@code recvfrom}), each receive bounded by the read timeout. Broadcast
 * ({@code <broadcast>} host) needs {@link #broadcast(boolean)} turned on first. Thread-safe for
 * one sender and one receiver at a time.
 */
public final class UdpSocket implements Closeable {
  /** The largest UDP payload over IPv4. */
  public static final int MAX_DATAGRAM = 65_507;

  private final DatagramSocket socket;
  private final NetOptions options;
  private final ErrorContext context;

  private UdpSocket(DatagramSocket socket, NetOptions options) {
    this.socket = socket;
    this.options = options;
    this.context = new ErrorContext("udp", Endpoint.of(
        socket.getLocalAddress().getHostAddress(), socket.getLocalPort()).toString());
  }

  /**
   * Binds to {@code local}: host ("" for every address) and port (0 for a free one).
   *
   * @throws NetException when the address cannot be bound
   */
  public static UdpSocket bind(Endpoint local, NetOptions options) throws NetException {
    InetSocketAddress address = local.resolve();
    try {
      DatagramSocket socket = new DatagramSocket(null);
      socket.setReuseAddress(true);
      try {
        socket.bind(address);
        socket.setSoTimeout(Timeouts.millis(options.readTimeout()));
      } catch (SocketException e) {
        socket.close();
        throw e;
      }
      return new UdpSocket(socket, options);
    } catch (SocketException e) {
      throw new NetException(new ErrorContext("udp", local.toString()), "cannot bind: " + e.getMessage(), e);
    }
  }

  /** Binds to a free port on every local address, for a client. */
  public static UdpSocket open(NetOptions options) throws NetException {
    return bind(Endpoint.anyLocal(0), options);
  }

  /** Allows (or forbids) sending to broadcast addresses. */
  public UdpSocket broadcast(boolean enabled) throws NetException {
    try {
      socket.setBroadcast(enabled);
      return this;
    } catch (SocketException e) {
      throw new NetException(context, "cannot set broadcast: " + e.getMessage(), e);
    }
  }

  /**
   * Sends one datagram to {@code target} (which must have a port).
   *
   * @throws IllegalArgumentException when the payload is larger than {@link #MAX_DATAGRAM}
   */
  public void sendTo(byte[] data, Endpoint target) throws NetException {
    if (data.length > MAX_DATAGRAM) {
      throw new IllegalArgumentException("datagram of " + data.length + " bytes is over " + MAX_DATAGRAM);
    }
    target.requirePort();
    InetSocketAddress address = target.resolve();
    try {
      socket.send(new DatagramPacket(data, data.length, address));
    } catch (IOException e) {
      throw new NetException(context, "cannot send to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Sends UTF-8 text as one datagram to {@code target}. */
  public void sendTo(String text, Endpoint target) throws NetException {
    sendTo(text.getBytes(StandardCharsets.UTF_8), target);
  }

  /** Sends one datagram to an address (to answer a received datagram's sender). */
  public void sendTo(byte[] data, InetSocketAddress target) throws NetException {
    sendTo(data, Endpoint.of(target.getAddress().getHostAddress(), target.getPort()));
  }

  /**
   * Waits for one datagram, for at most the read timeout. A datagram longer than
   * {@code maxSize} is cut to that size, as {@code recvfrom} does.
   *
   * @throws NetTimeoutException when none arrives in time
   */
  public Datagram receive(int maxSize) throws NetException {
    byte[] buffer = new byte[Math.min(Math.max(1, maxSize), MAX_DATAGRAM)];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      throw new NetTimeoutException(context, "no datagram within " + SocketGuard.describe(options.readTimeout()), e);
    } catch (IOException e) {
      throw new NetException(context, "cannot receive: " + e.getMessage(), e);
    }
    return new Datagram(
        Arrays.copyOf(buffer, packet.getLength()), (InetSocketAddress) packet.getSocketAddress());
  }

  /** The bound port. */
  public int localPort() {
    return socket.getLocalPort();
  }

  /** An endpoint for reaching this socket on loopback. */
  public Endpoint loopbackEndpoint() {
    return Endpoint.loopback(localPort());
  }

  /** Closes the socket; idempotent. */
  @Override
  public void close() {
    socket.close();
  }
}
