package io.netkit.core;

/**
 * A user-supplied argument (a path, selector, address, ...) contains a character that would let
 * it smuggle a second command onto the wire: CR, LF or NUL. Thrown before anything is sent.
 *
 * <p>The message names the argument and the offending character's position but never repeats
 * the value, which may be a password.
 */
public class UnsafeArgumentException extends IllegalArgumentException {
  private UnsafeArgumentException(String what, char c, int index) {
    super(what + " contains " + name(c) + " at index " + index + " and was refused");
  }

  private static String name(char c) {
    return switch (c) {
      case '\r' -> "a CR character";
      case '\n' -> "an LF character";
      default -> "a NUL character";
    };
  }

  /**
   * Returns {@code value} unchanged when it is safe to put on a command line.
   *
   * @param what names the argument in the error message, e.g. {@code "path"}
   * @throws UnsafeArgumentException when it contains CR, LF or NUL
   */
  public static String requireSafe(String what, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0') {
        throw new UnsafeArgumentException(what, c, i);
      }
    }
    return value;
  }
}
