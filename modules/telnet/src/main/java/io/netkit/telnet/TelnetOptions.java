package io.netkit.telnet;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Telnet-specific settings, beside the shared {@link io.netkit.core.NetOptions}. Immutable and
 * thread-safe; build with {@link #builder()}.
 *
 * <p>Defaults: terminal type from the {@code TERM} environment variable (else {@code VT100}),
 * window 80x24, text in UTF-8; at most 1024 bytes in one subnegotiation, at most 256
 * negotiation commands in a row without a data byte between them, at most 256 KiB scanned by one
 * expect (each bound, when crossed, fails the operation at once with a typed error instead of
 * letting a hostile server hold the client or its memory). Login prompts: {@code login:} (or
 * {@code username:}), {@code password:}; after the password the client waits for a shell prompt
 * ({@code $ # > %} at the end of what arrived) or a refusal ({@code Login incorrect}, ...), within
 * the login timeout (the options' read timeout unless set).
 */
public final class TelnetOptions {
  private static final TelnetOptions DEFAULTS = new Builder().build();

  private final String terminalType;
  private final int columns;
  private final int rows;
  private final Charset charset;
  private final int maxSubnegotiation;
  private final int maxNegotiationsWithoutData;
  private final int maxExpectBytes;
  private final Pattern loginPrompt;
  private final Pattern passwordPrompt;
  private final Pattern shellPrompt;
  private final Pattern loginFailure;
  private final Duration loginTimeout;

  private TelnetOptions(Builder b) {
    this.terminalType = b.terminalType;
    this.columns = b.columns;
    this.rows = b.rows;
    this.charset = b.charset;
    this.maxSubnegotiation = b.maxSubnegotiation;
    this.maxNegotiationsWithoutData = b.maxNegotiationsWithoutData;
    this.maxExpectBytes = b.maxExpectBytes;
    this.loginPrompt = b.loginPrompt;
    this.passwordPrompt = b.passwordPrompt;
    this.shellPrompt = b.shellPrompt;
    this.loginFailure = b.loginFailure;
    this.loginTimeout = b.loginTimeout;
  }

  /** The defaults. */
  public static TelnetOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The terminal type sent when the server asks (TERMINAL-TYPE, RFC 1091). */
  public String terminalType() {
    return terminalType;
  }

  /** The window width sent with NAWS (RFC 1073). */
  public int columns() {
    return columns;
  }

  /** The window height sent with NAWS. */
  public int rows() {
    return rows;
  }

  /** How text (lines sent, patterns matched) is encoded on the wire. */
  public Charset charset() {
    return charset;
  }

  /** The longest subnegotiation accepted from the server, in bytes. */
  public int maxSubnegotiation() {
    return maxSubnegotiation;
  }

  /** How many negotiation commands may arrive in a row with no data byte between them. */
  public int maxNegotiationsWithoutData() {
    return maxNegotiationsWithoutData;
  }

  /** How many bytes one expect may scan before it gives up. */
  public int maxExpectBytes() {
    return maxExpectBytes;
  }

  /** The prompt for the user name, when the endpoint has credentials. */
  public Pattern loginPrompt() {
    return loginPrompt;
  }

  /** The prompt for the password. */
  public Pattern passwordPrompt() {
    return passwordPrompt;
  }

  /** What shows that the login worked; empty: connect returns as soon as the password is sent. */
  public Optional<Pattern> shellPrompt() {
    return Optional.ofNullable(shellPrompt);
  }

  /** What shows that the login was refused. */
  public Pattern loginFailure() {
    return loginFailure;
  }

  /** How long each login step may wait for its prompt; empty means the read timeout. */
  public Optional<Duration> loginTimeout() {
    return Optional.ofNullable(loginTimeout);
  }

  /** Builds {@link TelnetOptions}. Not thread-safe. */
  public static final class Builder {
    private String terminalType = defaultTerminal();
    private int columns = 80;
    private int rows = 24;
    private Charset charset = StandardCharsets.UTF_8;
    private int maxSubnegotiation = 1024;
    private int maxNegotiationsWithoutData = 256;
    private int maxExpectBytes = 256 * 1024;
    private Pattern loginPrompt =
        Pattern.compile("(?i)(login|user ?name)\\s*:\\s*$");
    private Pattern passwordPrompt = Pattern.compile("(?i)password\\s*:\\s*$");
    private Pattern shellPrompt = Pattern.compile("[$#>%]\\s*$");
    private Pattern loginFailure =
        Pattern.compile(
            "(?i)(login incorrect|incorrect password|authentication fail\\w*|access denied|"
                + "permission denied)");
    private Duration loginTimeout;

    private Builder() {}

    private Builder(TelnetOptions o) {
      terminalType = o.terminalType;
      columns = o.columns;
      rows = o.rows;
      charset = o.charset;
      maxSubnegotiation = o.maxSubnegotiation;
      maxNegotiationsWithoutData = o.maxNegotiationsWithoutData;
      maxExpectBytes = o.maxExpectBytes;
      loginPrompt = o.loginPrompt;
      passwordPrompt = o.passwordPrompt;
      shellPrompt = o.shellPrompt;
      loginFailure = o.loginFailure;
      loginTimeout = o.loginTimeout;
    }

    /**
     * Sets the terminal type: 1 to 40 printable ASCII characters without spaces (RFC 1091), e.g.
     * {@code xterm-256color}.
     */
    public Builder terminalType(String type) {
      terminalType = checkTerminal(type);
      return this;
    }

    /** Sets the window size reported with NAWS; each between 1 and 65535. */
    public Builder windowSize(int newColumns, int newRows) {
      columns = checkSize(newColumns, "columns");
      rows = checkSize(newRows, "rows");
      return this;
    }

    /** Sets the text encoding. */
    public Builder charset(Charset newCharset) {
      charset = Objects.requireNonNull(newCharset, "charset");
      return this;
    }

    /** Sets the longest accepted subnegotiation; at least 16 bytes. */
    public Builder maxSubnegotiation(int bytes) {
      maxSubnegotiation = atLeast(bytes, 16, "max subnegotiation");
      return this;
    }

    /** Sets how many negotiation commands may come in a row without data; at least 16. */
    public Builder maxNegotiationsWithoutData(int commands) {
      maxNegotiationsWithoutData = atLeast(commands, 16, "max negotiations without data");
      return this;
    }

    /** Sets how many bytes one expect may scan; at least 80. */
    public Builder maxExpectBytes(int bytes) {
      maxExpectBytes = atLeast(bytes, 80, "max expect bytes");
      return this;
    }

    /** Sets the user-name prompt. */
    public Builder loginPrompt(Pattern prompt) {
      loginPrompt = Objects.requireNonNull(prompt, "prompt");
      return this;
    }

    /** Sets the password prompt. */
    public Builder passwordPrompt(Pattern prompt) {
      passwordPrompt = Objects.requireNonNull(prompt, "prompt");
      return this;
    }

    /** Sets the shell prompt awaited after the password; null: do not wait. */
    public Builder shellPrompt(Pattern prompt) {
      shellPrompt = prompt;
      return this;
    }

    /** Sets what a refused login looks like. */
    public Builder loginFailure(Pattern failure) {
      loginFailure = Objects.requireNonNull(failure, "failure");
      return this;
    }

    /** Sets how long each login step may wait; must be positive. */
    public Builder loginTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("login timeout must be positive: " + timeout);
      }
      loginTimeout = timeout;
      return this;
    }

    /** The options. */
    public TelnetOptions build() {
      return new TelnetOptions(this);
    }

    private static String defaultTerminal() {
      String term = System.getenv("TERM");
      try {
        boolean unset = term == null || term.isEmpty() || term.equals("dumb");
        return unset ? "VT100" : checkTerminal(term);
      } catch (IllegalArgumentException unusable) {
        return "VT100";
      }
    }

    private static String checkTerminal(String type) {
      Objects.requireNonNull(type, "terminal type");
      boolean printable = type.chars().allMatch(c -> c > 0x20 && c < 0x7f);
      if (type.isEmpty() || type.length() > 40 || !printable) {
        throw new IllegalArgumentException(
            "terminal type must be 1 to 40 printable ASCII characters: '" + type + "'");
      }
      return type;
    }

    private static int checkSize(int value, String what) {
      if (value < 1 || value > 0xFFFF) {
        throw new IllegalArgumentException(what + " must be between 1 and 65535: " + value);
      }
      return value;
    }

    private static int atLeast(int value, int min, String what) {
      if (value < min) {
        throw new IllegalArgumentException(what + " must be at least " + min + ": " + value);
      }
      return value;
    }
  }
}
