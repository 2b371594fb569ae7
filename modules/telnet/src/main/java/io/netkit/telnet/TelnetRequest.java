package io.netkit.telnet;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link TelnetClient#request} does: immutable values. {@link Send} and {@link SendLine} go
 * out as NVT data (an IAC byte doubled, a bare CR sent as CR NUL); {@link Expect} reads until a
 * pattern matches; {@link Run} runs a whole {@link TelnetScript}.
 */
public sealed interface TelnetRequest {
  /** Sends bytes as they are (bar the NVT escaping); answered with {@link TelnetReply.Sent}. */
  record Send(byte[] data) implements TelnetRequest {
    /** Copies the bytes. */
    public Send {
      data = Objects.requireNonNull(data, "data").clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  /**
   * Sends a line of text and CR LF; answered with {@link TelnetReply.Sent}. The text must not
   * hold CR or LF (one request, one line).
   */
  record SendLine(String text) implements TelnetRequest {
    /** Checks the text. */
    public SendLine {
      Objects.requireNonNull(text, "text");
      if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a line must not contain CR or LF");
      }
    }
  }

  /**
   * Reads until {@code pattern} is found in the text received (after what earlier expects
   * consumed), within {@code timeout}; answered with {@link TelnetReply.Matched}.
   */
  record Expect(Pattern pattern, Duration timeout) implements TelnetRequest {
    /** Checks the parts. */
    public Expect {
      Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
    }

    /** Expects literal text (not a regular expression). */
    public static Expect text(String text, Duration timeout) {
      return new Expect(Pattern.compile(Pattern.quote(text)), timeout);
    }
  }

  /** Runs every step of a script in order; answered with {@link TelnetReply.Ran}. */
  record Run(TelnetScript script) implements TelnetRequest {
    /** Checks the script. */
    public Run {
      Objects.requireNonNull(script, "script");
    }
  }
}
