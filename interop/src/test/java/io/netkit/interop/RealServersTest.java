package io.netkit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** A skip says why on the console, once per reason, not only in the surefire report. */
class RealServersTest {
  @Test
  void aSkipPrintsItsReasonOnceOnStderr() {
    assumeFalse(RealServers.required(), "with NETKIT_INTEROP=1 a missing server fails instead");
    String why = "no server " + UUID.randomUUID();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThrows(TestAbortedException.class, () -> RealServers.unavailable(why));
      assertThrows(TestAbortedException.class, () -> RealServers.unavailable(why));
    } finally {
      System.setErr(original);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertEquals(1, printed.lines().filter(l -> l.contains(why)).count(), printed);
    assertEquals(
        "[interop] skipped: " + why + " (set NETKIT_INTEROP=1 to fail instead)", printed.strip());
  }
}
