package io.netkit.smtp;

import io.netkit.core.LocalHost;
import io.netkit.core.UnsafeArgumentException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * SMTP settings beyond {@link io.netkit.core.NetOptions}. Immutable and thread-safe; made with
 * {@link #builder()}.
 *
 * <p>Defaults: the EHLO name is this machine's name ({@link LocalHost#name()}); AUTH tries
 * {@code PLAIN}, then {@code LOGIN}, whichever the server offers first in that order. For OAuth 2
 * ({@code XOAUTH2}), name it alone: the endpoint's password is then the access token.
 */
public final class SmtpOptions {
  private static final Set<String> MECHANISMS = Set.of("PLAIN", "LOGIN", "XOAUTH2");
  private static final SmtpOptions DEFAULTS = new Builder().build();

  private final String heloName;
  private final List<String> authMechanisms;

  private SmtpOptions(Builder b) {
    this.heloName = b.heloName;
    this.authMechanisms = b.authMechanisms;
  }

  /** The defaults. */
  public static SmtpOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The name sent with EHLO, when set; otherwise this machine's name. */
  public Optional<String> heloName() {
    return Optional.ofNullable(heloName);
  }

  /** The name sent with EHLO. */
  public String effectiveHeloName() {
    return heloName != null ? heloName : LocalHost.name();
  }

  /** The AUTH mechanisms to use, in order of preference. */
  public List<String> authMechanisms() {
    return authMechanisms;
  }

  /** Builds {@link SmtpOptions}. Not thread-safe. */
  public static final class Builder {
    private String heloName;
    private List<String> authMechanisms = List.of("PLAIN", "LOGIN");

    private Builder() {}

    /** The name to send with EHLO (a domain name or an address literal like {@code [127.0.0.1]}). */
    public Builder heloName(String name) {
      Objects.requireNonNull(name, "name");
      UnsafeArgumentException.requireSafe("EHLO name", name);
      if (name.isEmpty() || name.contains(" ")) {
        throw new IllegalArgumentException("an EHLO name is one word: '" + name + "'");
      }
      heloName = name;
      return this;
    }

    /** The AUTH mechanisms, in order of preference: any of PLAIN, LOGIN, XOAUTH2. */
    public Builder authMechanisms(String... names) {
      if (names.length == 0) {
        throw new IllegalArgumentException("name at least one AUTH mechanism");
      }
      List<String> upper = new java.util.ArrayList<>();
      for (String n : names) {
        String m = Objects.requireNonNull(n, "mechanism").toUpperCase(Locale.ROOT);
        if (!MECHANISMS.contains(m)) {
          throw new IllegalArgumentException("unsupported AUTH mechanism '" + n + "'; use PLAIN, LOGIN or XOAUTH2");
        }
        upper.add(m);
      }
      authMechanisms = List.copyOf(upper);
      return this;
    }

    /** Authenticates with {@code XOAUTH2} only: the endpoint's password is the OAuth 2 access token. */
    public Builder oauth2() {
      return authMechanisms("XOAUTH2");
    }

    /** The options. */
    public SmtpOptions build() {
      return new SmtpOptions(this);
    }
  }
}
