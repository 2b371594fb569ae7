package io.netkit.testkit.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms in which a secret could leak: as it is, and base64-encoded whether alone, inside a
 * SASL PLAIN or XOAUTH2 response, or anywhere inside a longer encoded blob (the base64 of a
 * string that contains the secret contains one of three "aligned cores" of it, one per position
 * of the secret against base64's 3-byte groups). Forms shorter than {@link #MIN_LENGTH}
 * characters are not searched for: "pw" or "p" would match ordinary text everywhere. Immutable.
 */
final class SecretPatterns {
  /** Secrets (and encoded forms) shorter than this are not looked for. */
  static final int MIN_LENGTH = 6;
  /** Encoded cores shorter than this are not looked for (4 chars match too much base64). */
  private static final int MIN_ENCODED = 8;

  private final String secret;
  private final List<String> forms;

  SecretPatterns(String user, String secret) {
    this.secret = secret;
    Set<String> all = new LinkedHashSet<>();
    all.add(secret);
    // Output streams are scanned byte-wise: a non-ASCII secret shows as its UTF-8 bytes there.
    all.add(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    Base64.Encoder b64 = Base64.getEncoder();
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    for (String whole : List.of(
        secret,
        "\0" + user + "\0" + secret,
        user + "\0" + secret,
        "user=" + user + "\u0001auth=Bearer " + secret + "\u0001\u0001")) {
      String encoded = b64.encodeToString(whole.getBytes(StandardCharsets.UTF_8));
      all.add(encoded);
      all.add(encoded.replace("=", ""));
    }
    for (int skip = 0; skip < 3; skip++) {
      int usable = (bytes.length - skip) / 3 * 3;
      if (usable > 0) {
        byte[] core = new byte[usable];
        System.arraycopy(bytes, skip, core, 0, usable);
        String encoded = b64.withoutPadding().encodeToString(core);
        if (encoded.length() >= MIN_ENCODED) {
          all.add(encoded);
        }
      }
    }
    List<String> kept = new ArrayList<>();
    for (String form : all) {
      if (form.length() >= MIN_LENGTH) {
        kept.add(form);
      }
    }
    this.forms = List.copyOf(kept);
  }

  /** True when the secret is long enough to be looked for at all. */
  boolean searchable() {
    return secret.length() >= MIN_LENGTH;
  }

  /** A description of the first form found in {@code text}, or null when none is. */
  String foundIn(String text) {
    if (text == null || !searchable()) {
      return null;
    }
    for (String form : forms) {
      if (text.contains(form)) {
        return form.equals(secret) ? "the secret itself" : "its base64 form";
      }
    }
    return null;
  }

  /** A hint that names the secret without showing it: its length and first character. */
  String hint() {
    return "a " + secret.length() + "-character secret starting with '" + secret.charAt(0) + "'";
  }

  String secret() {
    return secret;
  }
}
