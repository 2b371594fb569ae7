package io.netkit.bench;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.gopher.GopherClient;
import io.netkit.http.HttpClient;
import io.netkit.http.HttpResponse;
import io.netkit.imap.ImapClient;
import io.netkit.imap.SearchTerm;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.SmtpClient;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.gopher.GopherMockServer;
import io.netkit.testkit.http.HttpMockServer;
import io.netkit.testkit.imap.ImapMockServer;
import io.netkit.testkit.smtp.SmtpMockServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N concurrent sessions in this JVM against a testkit server, each on its own thread and
 * connection, all released at once: {@code ConcurrencyMain <gopher|http|smtp|imap> <N>} prints
 * {@code ok failed seconds perSecond p50ms p99ms threadsLeft fdsLeft} (threads and file
 * descriptors still open after the clients closed and the server stopped, against the count
 * before; 0 is the target). The first failure, if any, goes to stderr. IMAP: each session logs
 * in to the testkit's GreenMail-backed server and fetches one 4 KiB message (UID looked up once,
 * before the count starts).
 */
public final class ConcurrencyMain {
  private ConcurrencyMain() {}

  interface Session {
    void run() throws IOException;
  }

  public static void main(String[] args) throws Exception {
    String protocol = args[0];
    int n = Integer.parseInt(args[1]);
    Path root = Files.createTempDirectory("netkit-bench-");
    Files.write(root.resolve("file.txt"), "hello from the bench\r\n".repeat(40).getBytes());
    warmUp(protocol, root);
    System.gc();
    Thread.sleep(500);
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    long fdsBefore = fds();

    MockServer server = server(protocol, root);
    server.start(0);
    Endpoint at = Endpoint.of("127.0.0.1", server.port());
    Session session = session(protocol, at);
    long[] latency = new long[n];
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<Throwable> first = new AtomicReference<>();
    CountDownLatch ready = new CountDownLatch(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int index = i;
      Thread t = new Thread(() -> {
        ready.countDown();
        try {
          go.await();
          long start = System.nanoTime();
          session.run();
          latency[index] = System.nanoTime() - start;
        } catch (Throwable e) {
          failed.incrementAndGet();
          first.compareAndSet(null, e);
          latency[index] = -1;
        }
      }, "bench-" + i);
      threads.add(t);
      t.start();
    }
    ready.await();
    long start = System.nanoTime();
    go.countDown();
    for (Thread t : threads) {
      t.join(120_000);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    server.stop();
    long[] ok = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
    // Let closing sockets and the engines' idle threads (OkHttp's shared TaskRunner: 60 s keep-alive
    // threads are daemon and idle) wind down before counting what is left.
    long deadline = System.nanoTime() + Duration.ofSeconds(75).toNanos();
    int threadsLeft;
    long fdsLeft;
    do {
      System.gc();
      Thread.sleep(250);
      threadsLeft = ManagementFactory.getThreadMXBean().getThreadCount() - threadsBefore;
      fdsLeft = fds() - fdsBefore;
    } while ((threadsLeft > 0 || fdsLeft > 0) && System.nanoTime() < deadline);
    if (threadsLeft > 0) {
      java.util.Map<String, Integer> names = new java.util.TreeMap<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        names.merge(t.getName().replaceAll("\\d+", "N"), 1, Integer::sum);
      }
      System.err.println("threads now: " + names);
    }
    if (first.get() != null) {
      System.err.println("first failure: " + first.get());
    }
    System.out.printf(Locale.ROOT, "%d %d %.2f %.0f %.1f %.1f %d %d%n", ok.length, failed.get(), seconds,
        ok.length / seconds, percentile(ok, 0.50), percentile(ok, 0.99), threadsLeft, fdsLeft);
  }

  /** One round of the same work, so class loading and static pools exist before counting. */
  private static void warmUp(String protocol, Path root) throws Exception {
    MockServer server = server(protocol, root);
    server.start(0);
    try {
      session(protocol, Endpoint.of("127.0.0.1", server.port())).run();
    } finally {
      server.stop();
    }
  }

  private static MockServer server(String protocol, Path root) throws IOException {
    return switch (protocol) {
      case "gopher" -> GopherMockServer.serving(root);
      case "http" -> new HttpMockServer(root);
      case "smtp" -> new SmtpMockServer();
      case "imap" -> new ImapMockServer(IMAP_USER, IMAP_PASS).message(IMAP_MESSAGE);
      default -> throw new IllegalArgumentException("protocol: " + protocol);
    };
  }

  private static final String IMAP_USER = "bench";
  private static final String IMAP_PASS = "bench-pass";
  private static final String IMAP_MESSAGE = "From: bench@netkit.test\r\nTo: bench@localhost\r\n"
      + "Subject: bench\r\nMessage-ID: <4k@netkit.bench>\r\n\r\n"
      + ("x".repeat(78) + "\r\n").repeat(51);

  private static Session imapSession(Endpoint at, NetOptions options) throws IOException {
    Endpoint login = at.withCredentials(new io.netkit.core.Credentials(IMAP_USER, IMAP_PASS));
    long uid;
    try (ImapClient c = new ImapClient(options)) {
      c.connect(login);
      uid = c.search("INBOX", SearchTerm.all()).get(0);
    }
    return () -> {
      try (ImapClient c = new ImapClient(options)) {
        c.connect(login);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
        if (c.fetch("INBOX", uid, out) < 4000) {
          throw new IOException("fetch: " + out.size() + " bytes");
        }
      }
    };
  }

  private static Session session(String protocol, Endpoint at) throws IOException {
    NetOptions options = NetOptions.builder().readTimeout(Duration.ofSeconds(60))
        .connectTimeout(Duration.ofSeconds(60)).build();
    if (protocol.equals("imap")) {
      return imapSession(at, options);
    }
    return switch (protocol) {
      case "gopher" -> () -> {
        try (GopherClient c = new GopherClient(options)) {
          c.connect(at);
          if (c.text("/file.txt").isEmpty()) {
            throw new IOException("empty text");
          }
        }
      };
      case "http" -> () -> {
        try (HttpClient c = new HttpClient(options)) {
          c.connect(URI.create("http://127.0.0.1:" + at.port() + "/"));
          try (HttpResponse r = c.get("/file.txt")) {
            if (r.status() != 200 || r.body().readAllBytes().length == 0) {
              throw new IOException("GET: " + r.status());
            }
          }
        }
      };
      case "smtp" -> () -> {
        try (SmtpClient c = new SmtpClient(options)) {
          c.connect(at);
          c.send(MailMessage.builder().from("bench@netkit.test").to("alice@netkit.test")
              .subject("bench").text("x".repeat(4000)).build());
        }
      };
      default -> throw new IllegalArgumentException("protocol: " + protocol);
    };
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static long fds() throws IOException {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return s.count();
    }
  }
}
