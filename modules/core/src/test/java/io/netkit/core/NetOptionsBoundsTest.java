package io.netkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The command-connection bounds: their defaults, their checks, and that variants keep them. */
class NetOptionsBoundsTest {
  @Test
  void defaultsBoundRepliesButNotBodyCarryingConnections() {
    NetOptions o = NetOptions.defaults();
    assertEquals(1024 * 1024, o.maxReplyLength());
    assertEquals(16L * 1024 * 1024, o.maxUnpromptedReplyBytes());
    assertEquals(0, o.maxUnpromptedLineBytes());
  }

  @Test
  void settingsSurviveToBuilderAndNonsenseIsRefused() {
    NetOptions o =
        NetOptions.builder().maxReplyLength(4096).maxUnpromptedReplyBytes(0).maxUnpromptedLineBytes(99).build();
    NetOptions copy = o.toBuilder().build();
    assertEquals(4096, copy.maxReplyLength());
    assertEquals(0, copy.maxUnpromptedReplyBytes());
    assertEquals(99, copy.maxUnpromptedLineBytes());
    assertThrows(IllegalArgumentException.class, () -> NetOptions.builder().maxReplyLength(79));
    assertThrows(IllegalArgumentException.class, () -> NetOptions.builder().maxUnpromptedReplyBytes(-1));
    assertThrows(IllegalArgumentException.class, () -> NetOptions.builder().maxUnpromptedLineBytes(-1));
  }
}
