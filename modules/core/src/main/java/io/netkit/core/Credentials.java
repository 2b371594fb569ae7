package io.netkit.core;

import io.netkit.core.trace.TraceTap;
import java.util.Objects;

/**
 * A user name and password, as carried in a URL's userinfo. Immutable. Its string form shows the
 * user only; the password is never printed.
 *
 * @param user the user name, never null
 * @param password the password, never null (may be empty)
 */
public record Credentials(String user, String password) {
  /** The conventional anonymous FTP login. */
  public static final Credentials ANONYMOUS = new Credentials("anonymous", "netkit@");

  /** Checks both parts are present and contain no CR, LF or NUL. */
  public Credentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    UnsafeArgumentException.requireSafe("user name", user);
    UnsafeArgumentException.requireSafe("password", password);
    TraceTap.secret(user, password); // only a test's secrets check listens (testkit's SecretsGuard)
  }

  /** Parses {@code user:password} (the password may itself contain colons, or be absent). */
  public static Credentials parse(String userColonPassword) {
    int colon = userColonPassword.indexOf(':');
    return colon < 0
        ? new Credentials(userColonPassword, "")
        : new Credentials(
            userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "Credentials[user=" + user + ", password=****]";
  }
}
