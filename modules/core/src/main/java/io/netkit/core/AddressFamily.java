package io.netkit.core;

/**
 * The address family of an endpoint, as the socket API's {@code AF_*} constants name them.
 * {@link #UNSPEC} lets name resolution pick (IPv4 or IPv6, whichever the name has first).
 */
public enum AddressFamily {
  /** IPv4 ({@code AF_INET}). */
  INET,
  /** IPv6 ({@code AF_INET6}). */
  INET6,
  /** Unix domain sockets on a file-system path ({@code AF_UNIX}). */
  UNIX,
  /** Whatever the host name resolves to. */
  UNSPEC
}
