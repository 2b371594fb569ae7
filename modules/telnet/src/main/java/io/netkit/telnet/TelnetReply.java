package io.netkit.telnet;

import java.util.List;
import java.util.Objects;

/** What a {@link TelnetRequest} produced. Immutable values. */
public sealed interface TelnetReply {
  /** Data went out: {@code bytes} bytes of it before the NVT escaping. */
  record Sent(long bytes) implements TelnetReply {}

  /** An expect matched. */
  record Matched(TelnetMatch match) implements TelnetReply {
    /** Checks the match. */
    public Matched {
      Objects.requireNonNull(match, "match");
    }
  }

  /** A script ran to its end: one match per expect step, in order. */
  record Ran(List<TelnetMatch> matches) implements TelnetReply {
    /** Copies the list. */
    public Ran {
      matches = List.copyOf(matches);
    }
  }
}
