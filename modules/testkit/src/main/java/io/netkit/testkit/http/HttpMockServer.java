package io.netkit.testkit.http;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.testkit.Fault;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.http.internal.FileBody;
import io.netkit.testkit.http.internal.Files2;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * An in-process HTTP/1.1 and HTTP/2 server for tests, OkHttp's MockWebServer in testkit's common
 * shape, serving a directory: {@code GET} and {@code HEAD} of files (with {@code ETag}, {@code
 * Last-Modified}, {@code Range} and {@code If-Range}, streamed from disk), a plain-text listing
 * for directories, and, when writable, {@code PUT} storing into the directory and {@code DELETE}
 * removing from it (otherwise 405). Other paths can be routed to handlers of one's own, such as
 * an {@link XmlRpcMockServer}'s.
 *
 * <pre>{@code
 * try (HttpMockServer http = new HttpMockServer(dir).writable(true)) {
 *   http.start();
 *   ... http.url() ...
 * }
 * }</pre>
 *
 * <p>With an account, every request must carry its Basic credentials (else 401). Uploads are
 * held in memory while they arrive (MockWebServer records request bodies): keep them to a few
 * MiB. Faults (for requests handled after they are set): {@code DISCONNECT_AT_START} closes the
 * connection before answering; {@code STALL} never answers; {@code DISCONNECT_MID_RESPONSE}
 * closes it in the middle of a body; {@code DRIP} sends bodies one byte every 5 ms; {@code
 * GARBAGE_REPLY} answers with a status line that is not HTTP; {@code OVERLONG_LINE} sends a
 * 300,000-byte header line. Thread-safe.
 */
public final class HttpMockServer implements MockServer {
  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    /** The response to {@code request}. */
    MockResponse handle(RecordedRequest request) throws IOException;
  }

  private final Path root;
  private final MockWebServer server = new MockWebServer();
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();
  private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
  private volatile boolean writable;
  private volatile Credentials account;
  private volatile boolean running;

  /** A server for the files under {@code root} (an existing directory), read-only. */
  public HttpMockServer(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return faulty(answer(request));
      }
    });
  }

  /** Lets {@code PUT} and {@code DELETE} change the directory. */
  public HttpMockServer writable(boolean allow) {
    writable = allow;
    return this;
  }

  /** Requires Basic authentication as {@code login} for every request; null: none. */
  public HttpMockServer account(Credentials login) {
    account = login;
    return this;
  }

  /** Answers requests for exactly {@code path} (any method) with {@code handler}. */
  public HttpMockServer route(String path, Handler handler) {
    routes.put(Objects.requireNonNull(path, "path"), Objects.requireNonNull(handler, "handler"));
    return this;
  }

  /** Serves HTTPS (with HTTP/2 offered through ALPN) with this server-side factory; before start. */
  public HttpMockServer useHttps(SSLSocketFactory factory) {
    server.useHttps(factory);
    return this;
  }

  /** The number of requests received so far. */
  public int requestCount() {
    return server.getRequestCount();
  }

  /** The next request received, waiting at most {@code seconds}; empty when none came. */
  public Optional<RecordedRequest> takeRequest(long seconds) throws InterruptedException {
    return Optional.ofNullable(server.takeRequest(seconds, TimeUnit.SECONDS));
  }

  @Override
  public Protocol protocol() {
    return Protocol.HTTP;
  }

  @Override
  public synchronized void start(int port) throws IOException {
    if (running) {
      throw new IllegalStateException("already started");
    }
    server.start(InetAddress.getByName("127.0.0.1"), port);
    running = true;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int port() {
    if (!running) {
      throw new IllegalStateException("not started");
    }
    return server.getPort();
  }

  @Override
  public URI url() {
    String scheme = server.url("/").isHttps() ? "https" : "http";
    return URI.create(scheme + "://" + host() + ":" + port() + "/");
  }

  @Override
  public void fault(Fault newFault) {
    fault.set(Objects.requireNonNull(newFault, "fault"));
  }

  @Override
  public synchronized void stop() {
    if (running) {
      running = false;
      server.close();
    }
  }

  private MockResponse answer(RecordedRequest request) {
    try {
      if (!authorized(request)) {
        return new MockResponse.Builder().code(401)
            .addHeader("WWW-Authenticate", "Basic realm=\"netkit\"").body("login required\n").build();
      }
      String path = request.getUrl().encodedPath();
      Handler routed = routes.get(path);
      if (routed != null) {
        return routed.handle(request);
      }
      return switch (request.getMethod()) {
        case "GET", "HEAD" -> get(request, path);
        case "PUT" -> put(request, path);
        case "DELETE" -> delete(path);
        default -> text(405, "method not allowed\n").newBuilder().addHeader("Allow", "GET, HEAD, PUT, DELETE").build();
      };
    } catch (IOException | RuntimeException e) {
      return text(500, "server error: " + e.getMessage() + "\n");
    }
  }

  private boolean authorized(RecordedRequest request) {
    Credentials login = account;
    if (login == null) {
      return true;
    }
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        (login.user() + ":" + login.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return expected.equals(request.getHeaders().get("Authorization"));
  }

  private MockResponse get(RecordedRequest request, String path) throws IOException {
    Optional<Path> file = Files2.resolve(root, path);
    if (file.isEmpty() || !Files.exists(file.get())) {
      return text(404, "not found\n");
    }
    if (Files.isDirectory(file.get())) {
      return text(200, Files2.listing(file.get()));
    }
    return Ranges.answer(file.get(), request, (p, offset, length) -> new FileBody(p, offset, length));
  }

  private MockResponse put(RecordedRequest request, String path) throws IOException {
    if (!writable) {
      return text(405, "this server is read-only\n");
    }
    Optional<Path> file = Files2.resolve(root, path);
    if (file.isEmpty() || path.endsWith("/") || (Files.exists(file.get()) && Files.isDirectory(file.get()))) {
      return text(409, "cannot store there\n");
    }
    boolean existed = Files.exists(file.get());
    Files.createDirectories(file.get().getParent());
    Path part = file.get().resolveSibling(file.get().getFileName() + ".upload");
    Files.write(part, request.getBody() == null ? new byte[0] : request.getBody().toByteArray());
    Files.move(part, file.get(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return existed ? new MockResponse.Builder().code(204).build() : text(201, "created\n");
  }

  private MockResponse delete(String path) throws IOException {
    if (!writable) {
      return text(405, "this server is read-only\n");
    }
    Optional<Path> file = Files2.resolve(root, path);
    if (file.isEmpty() || !Files.exists(file.get()) || Files.isDirectory(file.get())) {
      return text(404, "not found\n");
    }
    Files.delete(file.get());
    return new MockResponse.Builder().code(204).build();
  }

  static MockResponse text(int code, String body) {
    return new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "text/plain; charset=utf-8").body(body).build();
  }

  private MockResponse faulty(MockResponse response) {
    MockResponse.Builder b = response.newBuilder();
    return switch (fault.get()) {
      case NONE -> response;
      // At response start, before any byte: with onRequestStart MockWebServer answered normally.
      case DISCONNECT_AT_START -> b.onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
      case STALL -> b.onResponseStart(SocketEffect.Stall.INSTANCE).build();
      case DISCONNECT_MID_RESPONSE -> b.onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build();
      case DRIP -> b.throttleBody(1, 5, TimeUnit.MILLISECONDS).build();
      case GARBAGE_REPLY -> b.status("SPDY/9 OK garbage").build();
      case OVERLONG_LINE -> b.addHeader("X-Overlong", "x".repeat(300_000)).build();
    };
  }
}
