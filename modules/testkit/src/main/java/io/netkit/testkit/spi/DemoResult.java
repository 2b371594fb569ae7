package io.netkit.testkit.spi;

import java.util.Objects;

/**
 * What a {@link DemoScenario} did. Immutable.
 *
 * @param done a short phrase for a table cell, e.g. {@code "menu 3 items, text, binary"}
 * @param bytes the payload bytes moved in both directions (not counting protocol chatter)
 */
public record DemoResult(String done, long bytes) {
  /** Checks the parts. */
  public DemoResult {
    Objects.requireNonNull(done, "done");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
  }
}
