package io.netkit.hardening.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * How the targets read Jazzer's raw bytes: as UTF-8 text (malformed sequences become U+FFFD), so
 * that a seed file is the plain text it shows and byte-level mutations still reach every char.
 */
public final class Inputs {
  private Inputs() {}

  /** True when {@code value} is null or has no CR, LF or NUL (what could smuggle a command). */
  public static boolean safe(String value) {
    return value == null
        || (value.indexOf('\r') < 0 && value.indexOf('\n') < 0 && value.indexOf('\0') < 0);
  }

  /** The input as UTF-8 text. */
  public static String text(byte[] input) {
    return new String(input, StandardCharsets.UTF_8);
  }
}
