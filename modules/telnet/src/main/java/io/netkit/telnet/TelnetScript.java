package io.netkit.telnet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A scripted dialogue, as with {@code expect(1)}: steps that send text and wait for patterns, run
 * in order by {@link TelnetClient#run}. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * TelnetScript login = TelnetScript.builder()
 *     .expect("login: ", Duration.ofSeconds(5)).sendLine("demo")
 *     .expect("Password: ", Duration.ofSeconds(5)).sendLine(password)
 *     .expectRegex("[$#] $", Duration.ofSeconds(5))
 *     .build();
 * }</pre>
 */
public final class TelnetScript {
  private final List<TelnetRequest> steps;

  private TelnetScript(List<TelnetRequest> steps) {
    this.steps = List.copyOf(steps);
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The steps: {@link TelnetRequest.Send}, {@link TelnetRequest.SendLine} and {@link
   * TelnetRequest.Expect}.
   */
  public List<TelnetRequest> steps() {
    return steps;
  }

  /** Builds a {@link TelnetScript}. Not thread-safe. */
  public static final class Builder {
    private final List<TelnetRequest> steps = new ArrayList<>();

    private Builder() {}

    /** Sends a line and CR LF. */
    public Builder sendLine(String line) {
      steps.add(new TelnetRequest.SendLine(line));
      return this;
    }

    /** Sends text as it is, in UTF-8, with no line end added. */
    public Builder send(String text) {
      steps.add(new TelnetRequest.Send(text.getBytes(StandardCharsets.UTF_8)));
      return this;
    }

    /** Waits for literal text. */
    public Builder expect(String text, Duration timeout) {
      steps.add(TelnetRequest.Expect.text(text, timeout));
      return this;
    }

    /** Waits for a regular expression. */
    public Builder expectRegex(String regex, Duration timeout) {
      steps.add(new TelnetRequest.Expect(Pattern.compile(regex), timeout));
      return this;
    }

    /** Adds a step made elsewhere (not a {@link TelnetRequest.Run}: scripts do not nest). */
    public Builder step(TelnetRequest step) {
      Objects.requireNonNull(step, "step");
      if (step instanceof TelnetRequest.Run) {
        throw new IllegalArgumentException("a script step cannot be a script");
      }
      steps.add(step);
      return this;
    }

    /** The script. */
    public TelnetScript build() {
      return new TelnetScript(steps);
    }
  }
}
