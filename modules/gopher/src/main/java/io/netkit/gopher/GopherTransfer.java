package io.netkit.gopher;

/**
 * The outcome of fetching a text or binary item into a sink. Immutable.
 *
 * <p>Gopher gives no length for items: a binary item (and text read {@link
 * TextFraming#UNTIL_CLOSE}) ends when the server closes the connection, so one cut short by a
 * failing server or network looks exactly like a complete one. {@link #end()} says what is known:
 * only {@link End#TERMINATOR} and {@link End#EXPECTED_LENGTH} prove the item complete.
 *
 * @param bytes the bytes written to the sink
 * @param end how the item ended
 */
public record GopherTransfer(long bytes, End end) implements GopherReply {
  /** How an item's end was recognised. */
  public enum End {
    /** The text's {@code .} terminator line arrived: complete. */
    TERMINATOR,
    /** The server closed after exactly the length the caller said to expect: complete. */
    EXPECTED_LENGTH,
    /** The server closed; whether everything arrived cannot be known. */
    CLOSED_BY_SERVER
  }

  /** True when the item is known to be complete (terminator seen or expected length met). */
  public boolean verifiedComplete() {
    return end != End.CLOSED_BY_SERVER;
  }

  /** True when a text item's {@code .} terminator arrived. */
  public boolean terminated() {
    return end == End.TERMINATOR;
  }
}
