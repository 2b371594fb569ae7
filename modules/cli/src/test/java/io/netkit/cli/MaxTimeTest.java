package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.cli.internal.Catalog;
import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --max-time} bounds the whole command, not each connection: the core's deadline starts
 * with every connection, and a command may also wait on something no socket timeout covers
 * (standard input, a connection opened late).
 */
class MaxTimeTest {
  /** Far more than the 0.5 s limit plus grace: a run still going then is a hang. */
  private static final long HANG_SECONDS = 8;

  @Test
  void maxTimeBoundsAnUploadWaitingOnStandardInput(@TempDir Path dir) throws Exception {
    assumeTrue(Fixture.protocols().anyMatch(Protocol.FTP::equals), "no FTP module in this build");
    try (Fixture f = Fixture.start(Protocol.FTP, dir);
        BlockingInput stdin = new BlockingInput()) {
      String url = f.rootUrl().resolve("from-stdin.txt").toString();
      long start = System.nanoTime();
      Cli.Result r =
          within(
              () ->
                  Cli.run(
                      stdin,
                      false,
                      SchemeCommandsTest.args(f, "put", "--max-time", "0.5", url, "-")));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(ExitCode.TIMEOUT, r.code(), r::toString);
      assertEquals(1, r.stderr().lines().count(), r.stderr());
      assertTrue(r.stderr().contains("--max-time 0.5 s exceeded"), r.stderr());
      assertTrue(took.toMillis() < 3000, "took " + took);
    }
  }

  @Test
  void maxTimeAbandonsADownloadAndLeavesNoFile(@TempDir Path dir) throws Exception {
    try (StuckProvider stuck = new StuckProvider()) {
      Path target = dir.resolve("out.bin");
      Cli.Result r =
          within(
              () ->
                  Cli.run(
                      stuck.catalog(),
                      new ByteArrayInputStream(new byte[0]),
                      false,
                      "get", "--max-time", "0.5", stuck.url(), "-o", target.toString()));
      assertEquals(ExitCode.TIMEOUT, r.code(), r::toString);
      assertEquals(1, r.stderr().lines().count(), r.stderr());
      try (Stream<Path> left = Files.list(dir)) {
        assertEquals(List.of(), left.toList(), "neither the file nor a part file");
      }
      stuck.release();
      assertTrue(stuck.finished.await(5, TimeUnit.SECONDS));
      assertFalse(Files.exists(target), "the abandoned download is never committed");
    }
  }

  @Test
  void maxTimeStopsAnAbandonedDownloadFromWritingToStdout() throws Exception {
    try (StuckProvider stuck = new StuckProvider()) {
      Cli.Result r =
          within(
              () ->
                  Cli.run(
                      stuck.catalog(),
                      new ByteArrayInputStream(new byte[0]),
                      false,
                      "get", "--max-time", "0.5", stuck.url()));
      assertEquals(ExitCode.TIMEOUT, r.code(), r::toString);
      assertEquals(StuckProvider.FIRST, r.stdout().length, "what came before the limit");
      stuck.release();
      assertTrue(stuck.finished.await(5, TimeUnit.SECONDS));
      assertTrue(stuck.refused, "a write after the command gave up fails");
    }
  }

  private static Cli.Result within(Supplier<Cli.Result> run) throws Exception {
    CompletableFuture<Cli.Result> result = CompletableFuture.supplyAsync(run);
    return result.get(HANG_SECONDS, TimeUnit.SECONDS);
  }

  /** Standard input that sends nothing and does not end, like a terminal nobody types into. */
  private static final class BlockingInput extends InputStream {
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public int read() throws IOException {
      return read(new byte[1], 0, 1);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      // Like a read from a terminal, an interrupt does not end it.
      while (true) {
        try {
          closed.await();
          return -1;
        } catch (InterruptedException ignored) {
          // keep waiting
        }
      }
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }

  /**
   * A protocol whose fetch writes {@link #FIRST} bytes and then waits, beyond any socket timeout,
   * until released (a connection opened late, with a deadline of its own); then writes again.
   */
  private static final class StuckProvider implements ClientProvider, AutoCloseable {
    static final int FIRST = 1000;
    private final Protocol protocol = Fixture.protocols().findFirst().orElseThrow();
    private final CountDownLatch released = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);
    volatile boolean refused;

    Catalog catalog() {
      return new Catalog(List.of(this), List.of(), List.of());
    }

    String url() {
      return protocol.schemes().get(0) + "://127.0.0.1:1/stuck";
    }

    void release() {
      released.countDown();
    }

    @Override
    public Protocol protocol() {
      return protocol;
    }

    @Override
    public NetClient<?, ?> newClient(NetOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
        throws IOException {
      try {
        out.write(new byte[FIRST]);
        out.flush();
        while (true) {
          try {
            released.await();
            break;
          } catch (InterruptedException ignored) {
            // a blocked socket read does not end on interrupt either
          }
        }
        try {
          out.write(new byte[FIRST]);
          out.flush();
        } catch (IOException e) {
          refused = true;
          throw e;
        }
      } finally {
        finished.countDown();
      }
    }

    @Override
    public List<ListEntry> list(URI url, NetOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
      release();
    }
  }
}
