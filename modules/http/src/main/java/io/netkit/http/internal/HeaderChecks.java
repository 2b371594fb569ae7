package io.netkit.http.internal;

import io.netkit.core.UnsafeArgumentException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The checks that keep user-supplied header fields and methods from smuggling a second request
 * onto the wire (RFC 9110: names and methods are tokens; values must not hold CR, LF or NUL).
 */
public final class HeaderChecks {
  /** Header fields whose values are credentials, masked in traces and string forms. */
  private static final Set<String> SECRETS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

  private HeaderChecks() {}

  /** True for a header whose value is a credential. */
  public static boolean isSecret(String name) {
    return SECRETS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Returns {@code name} when it is a token. */
  public static String name(String name) {
    Objects.requireNonNull(name, "name");
    UnsafeArgumentException.requireSafe("header name", name);
    if (!isToken(name)) {
      throw new IllegalArgumentException("header name is not a token: '" + name + "'");
    }
    return name;
  }

  /** Returns {@code value} when it has no CR, LF or NUL (and no other control byte but tab). */
  public static String value(String name, String value) {
    Objects.requireNonNull(value, "value");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
        String what = "value of header " + name; // named only on failure: every response's fields pass here
        UnsafeArgumentException.requireSafe(what, value); // CR, LF or NUL anywhere: that first
        throw new IllegalArgumentException(what + " has a control or non-Latin-1 character at index " + i);
      }
    }
    return value;
  }

  /** Returns {@code method} when it is a token. */
  public static String method(String method) {
    Objects.requireNonNull(method, "method");
    UnsafeArgumentException.requireSafe("method", method);
    if (!isToken(method)) {
      throw new IllegalArgumentException("method is not a token: '" + method + "'");
    }
    return method;
  }

  /** RFC 9110 token: one or more of the visible characters other than delimiters. */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
