package io.netkit.hardening.hygiene;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.core.Credentials;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.spi.ClientProvider;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For every protocol: connect, request, close cycles against its testkit mock, then connections
 * to a closed port and to a server that accepts and drops at once, leave the process's open file
 * descriptors and live threads where they were (after a warm-up: engines keep shared pools, such
 * as OkHttp's, whose size does not grow with use). Everything goes through the public URL API and
 * the mocks' SPI, as an application and {@code netkit serve} use them.
 */
class ResourceHygieneTest {
  /** Descriptors or threads a settled process may differ by (a GC-timed stray, a JIT thread). */
  private static final int SLACK = 3;
  /**
   * How long counts may take to come back: engines keep idle pooled threads up to 60 s before
   * they end (OkHttp's TaskRunner and MockWebServer's executors), which is not a leak.
   */
  private static final Duration SETTLE = Duration.ofSeconds(75);
  private static final Credentials ACCOUNT = new Credentials("hygiene", "hygiene-pw-31");
  private static final NetOptions OPTIONS =
      NetOptions.builder()
          .connectTimeout(Duration.ofSeconds(10))
          .readTimeout(Duration.ofSeconds(10))
          .build();
  /** What one cycle asks: a listing where the protocol lists, else just the session. */
  private static final Map<String, String> PATHS =
      Map.of("gopher", "/", "ftp", "/", "http", "/", "pop3", "/", "imap", "/INBOX", "nntp", "/");

  @TempDir static Path root;

  @BeforeAll
  static void content() throws IOException {
    Files.writeString(root.resolve("hello.txt"), "hello\r\n");
  }


  /*
   * Longer than the build's 60 s default: the full variant's 10,000 cycles take 30-60 s for a
   * protocol on a loaded machine, and settling may wait up to SETTLE twice.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gopher", "ftp", "smtp", "pop3", "imap", "http", "nntp", "telnet"})
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void cyclesAndFailedConnectionsLeaveDescriptorsAndThreadsWhereTheyStarted(String name)
      throws Exception {
    assumeTrue(Cycles.selected(name), "not in -Dnetkit.hygiene.protocols");
    MockServerProvider servers = server(name);
    try (MockServer server = servers.newServer(root, Optional.of(ACCOUNT))) {
      server.start();
      URI url = URI.create(servers.protocol().schemes().get(0) + "://" + ACCOUNT.user() + ":"
          + ACCOUNT.password() + "@127.0.0.1:" + server.port() + PATHS.getOrDefault(name, "/"));
      ClientProvider client = Netkit.provider(url.getScheme());
      for (int i = 0; i < 5; i++) {
        cycle(client, url); // warm-up: lazily made shared pools and classes
      }
      ProcessResources baseline = ProcessResources.settled(ProcessResources.now(), 0,
          Duration.ofSeconds(2));

      long start = System.nanoTime();
      int cycles = 0;
      while (cycles < Cycles.successful() && Cycles.inBudget(start)) {
        cycle(client, url);
        cycles++;
      }
      long cyclesMillis = (System.nanoTime() - start) / 1_000_000; // the cycles, not the settling
      ProcessResources afterCycles = ProcessResources.settled(baseline, SLACK, SETTLE);
      assertTrue(afterCycles.within(baseline, SLACK),
          name + ": before " + baseline + ", after " + cycles + " cycles " + afterCycles
              + "; threads: " + ProcessResources.threadNames());

      URI closed = url.resolve("//" + ACCOUNT.user() + "@127.0.0.1:" + closedPort() + "/");
      int refused = 0;
      long failuresStart = System.nanoTime();
      while (refused < Cycles.failed() && Cycles.inBudget(failuresStart)) {
        NetException e = assertThrows(NetException.class, () -> cycle(client, closed));
        assertInstanceOf(NetConnectException.class, e, name + ": " + e);
        refused++;
      }
      int dropped = 0;
      try (Dropper dropper = new Dropper()) {
        URI dropping = url.resolve("//" + ACCOUNT.user() + ":" + ACCOUNT.password()
            + "@127.0.0.1:" + dropper.port() + PATHS.getOrDefault(name, "/"));
        long dropsStart = System.nanoTime();
        while (dropped < Cycles.failed() && Cycles.inBudget(dropsStart)) {
          dropsWithTypedFailure(client, dropping, name);
          dropped++;
        }
      }
      ProcessResources afterFailures = ProcessResources.settled(baseline, SLACK, SETTLE);
      assertTrue(afterFailures.within(baseline, SLACK),
          name + ": before " + baseline + ", after " + refused + " refused and " + dropped
              + " dropped connections " + afterFailures + "; threads: "
              + ProcessResources.threadNames());
      System.out.printf("hygiene %s: %d cycles in %d ms, %d refused, %d dropped; before %s;"
              + " after cycles %s; after failures %s%n",
          name, cycles, cyclesMillis, refused, dropped, baseline, afterCycles, afterFailures);
    }
  }

  /** One connect, request, close cycle. */
  private static void cycle(ClientProvider client, URI url) throws IOException {
    if (PATHS.containsKey(client.protocol().name())) {
      Netkit.list(url, OPTIONS);
    } else {
      Netkit.open(url, OPTIONS).close();
    }
  }

  /**
   * A server that drops the connection at once: a typed failure (or, for a protocol whose
   * session needs nothing from the server, such as Telnet, a session that ends cleanly).
   */
  private static void dropsWithTypedFailure(ClientProvider client, URI url, String name) {
    try {
      cycle(client, url);
      assertTrue(name.equals("telnet"), name + ": a dropped connection reported as success");
    } catch (NetException typed) {
      // documented
    } catch (IOException untyped) {
      throw new AssertionError(name + ": an untyped failure: " + untyped, untyped);
    }
  }

  private static MockServerProvider server(String name) {
    List<MockServerProvider> all = ServiceLoader.load(MockServerProvider.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    return all.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no testkit server for " + name));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Accepts connections and closes each at once, on one thread, until closed. */
  private static final class Dropper implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;

    Dropper() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      thread = new Thread(this::run, "hygiene-dropper");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void run() {
      while (!socket.isClosed()) {
        try (Socket s = socket.accept()) {
          s.setSoLinger(true, 0); // a reset, as a crashed server gives
        } catch (IOException closed) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
