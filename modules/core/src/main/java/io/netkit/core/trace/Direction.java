package io.netkit.core.trace;

/** Which way bytes went on the wire, from the point of view of this side. */
public enum Direction {
  /** Written by this side. */
  SENT,
  /** Read from the peer. */
  RECEIVED,
  /** Not data: an event such as "connected" or "TLS started". */
  NOTE
}
