package io.netkit.testkit;

/**
 * Named ways a testkit server misbehaves, so clients can be tested against hostile or broken
 * servers (after OkHttp MockWebServer's socket policies).
 */
public enum Fault {
  /** Serve normally. */
  NONE,
  /** Accept, then close at once without a byte. */
  DISCONNECT_AT_START,
  /** Start answering, then close in the middle of the response. */
  DISCONNECT_MID_RESPONSE,
  /** Accept and never answer (the client must time out). */
  STALL,
  /** Answer correctly but one byte at a time, slowly. */
  DRIP,
  /** Answer with bytes that are not the protocol. */
  GARBAGE_REPLY,
  /** Answer with a line far longer than any client should accept. */
  OVERLONG_LINE
}
