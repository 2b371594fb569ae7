package io.netkit.telnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboxTest {
  private static final ErrorContext CONTEXT = new ErrorContext("telnet", "test:23");

  private static long in(Duration d) {
    return System.nanoTime() + d.toNanos();
  }

  @Test
  void nothingInTimeIsZeroAndTheEndIsMinusOne() throws Exception {
    Inbox inbox = new Inbox(CONTEXT);
    inbox.attach();
    assertEquals(0, inbox.read(new byte[8], 0, 8, in(Duration.ofMillis(50))));
    inbox.ended(null);
    assertEquals(-1, inbox.read(new byte[8], 0, 8, in(Duration.ofSeconds(10))));
  }

  @Test
  void decodedBytesAreHandedOverWithoutBlocking() throws Exception {
    Inbox inbox = new Inbox(CONTEXT);
    inbox.attach();
    inbox.publish(new byte[] {1, 2, 3}, 0, 3);
    byte[] got = new byte[8];
    assertEquals(3, inbox.read(got, 0, 8, in(Duration.ofSeconds(10))));
  }

  @Test
  void aReaderThatDiesWithoutReportingIsAFailureNotAHang() throws Exception {
    Inbox inbox = new Inbox(CONTEXT);
    inbox.attach();
    Thread reader =
        new Thread(
            () -> {
              try {
                inbox.awaitStart();
              } catch (java.io.InterruptedIOException e) {
                throw new IllegalStateException(e);
              }
              // ... and dies here, as Commons Net's does on "Queue is full"
            });
    reader.start();
    reader.join(TimeUnit.SECONDS.toMillis(10));
    NetProtocolException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () ->
                assertThrows(
                    NetProtocolException.class,
                    () -> inbox.read(new byte[8], 0, 8, in(Duration.ofSeconds(60)))));
    assertTrue(e.getMessage().contains("decoder stopped"), e.getMessage());
  }

  @Test
  void theReaderWaitsUntilTheEngineIsConnectedOrClosed() throws Exception {
    Inbox inbox = new Inbox(CONTEXT);
    Thread reader =
        new Thread(
            () -> {
              try {
                inbox.awaitStart();
              } catch (java.io.InterruptedIOException e) {
                throw new IllegalStateException(e);
              }
            });
    reader.start();
    reader.join(200);
    assertTrue(reader.isAlive(), "held until attach");
    inbox.closing();
    reader.join(TimeUnit.SECONDS.toMillis(10));
    assertTrue(!reader.isAlive(), "released by close");
  }

  @Test
  void aFullInboxHoldsTheReaderUntilTheSessionReadsOrCloses() throws Exception {
    Inbox inbox = new Inbox(CONTEXT);
    inbox.attach();
    byte[] chunk = new byte[16 * 1024];
    for (int i = 0; i < Inbox.CAPACITY / chunk.length; i++) {
      inbox.publish(chunk, 0, chunk.length); // fills it
    }
    CompletableFuture<Void> held =
        CompletableFuture.runAsync(
            () -> {
              try {
                inbox.publish(chunk, 0, chunk.length);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(200);
    assertFalse(held.isDone(), "no room: the reader waits (and so stops reading the socket)");
    assertEquals(chunk.length, inbox.read(new byte[chunk.length], 0, chunk.length, in(Duration.ZERO)));
    held.get(10, TimeUnit.SECONDS); // room again: published
    CompletableFuture<Void> closed =
        CompletableFuture.runAsync(
            () -> assertThrows(IOException.class, () -> inbox.publish(chunk, 0, 1)));
    Thread.sleep(200);
    assertFalse(closed.isDone(), "full again: waits");
    inbox.closing();
    closed.get(10, TimeUnit.SECONDS);
  }
}
