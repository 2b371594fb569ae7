package io.netkit.nntp;

import java.util.Objects;

/**
 * One newsgroup as LIST ACTIVE and NEWGROUPS describe it. Immutable.
 *
 * @param name the group's name, e.g. {@code comp.lang.java}
 * @param high the highest article number reported
 * @param low the lowest article number reported
 * @param status the posting status: {@code y} (posting allowed), {@code n} (no posting), {@code m}
 *     (moderated), {@code x} (no local posting), {@code j} or {@code =group} (filed elsewhere)
 */
public record NewsGroup(String name, long high, long low, String status) {
  /** Checks the parts. */
  public NewsGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
  }

  /**
   * The number of articles as the high and low marks estimate it ({@code high - low + 1}, or 0
   * when the group is empty: RFC 3977 writes an empty group as {@code low = high + 1}).
   */
  public long estimatedCount() {
    return high >= low && high > 0 ? high - low + 1 : 0;
  }

  /** True when the status allows posting ({@code y}) or sends posts to a moderator ({@code m}). */
  public boolean postingAllowed() {
    return status.equals("y") || status.equals("m");
  }

  /** True for a moderated group ({@code m}). */
  public boolean moderated() {
    return status.equals("m");
  }
}
