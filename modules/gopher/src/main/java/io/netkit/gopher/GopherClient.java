package io.netkit.gopher;

import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetClient;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetReplyException;
import io.netkit.core.Protocol;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.core.transport.TcpConnection;
import io.netkit.gopher.internal.BinaryReader;
import io.netkit.gopher.internal.MenuReader;
import io.netkit.gopher.internal.TextReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Gopher client (RFC 1436), with {@code gophers} (implicit TLS) when the options say {@link
 * TlsMode#IMPLICIT}.
 *
 * <p>Gopher is one request per TCP connection: the client sends a selector line, the server
 * answers and closes. So {@link #connect} only records the endpoint (port 70 unless given) and
 * resolves its host; it opens no connection. Each {@link #request} opens a fresh connection through
 * the core ({@link TcpConnection}), with the options' connect and read timeouts, deadline, TLS and
 * trace, and closes it before returning. {@link #isConnected()} means "has an endpoint, not
 * closed".
 *
 * <pre>{@code
 * try (GopherClient gopher = new GopherClient()) {
 *   gopher.connect(Endpoint.parse("gopher.floodgap.com"));
 *   for (GopherItem item : gopher.menu("").items()) {
 *     System.out.println(item.type() + " " + item.display());
 *   }
 *   String about = gopher.text("/gopher/proxy");
 * }
 * }</pre>
 *
 * <p>Failures: every network and protocol failure is a {@link NetException} (a timeout is a {@link
 * io.netkit.core.NetTimeoutException}; a broken answer, an overlong line or a close in the middle
 * of a menu line or a text line a {@link io.netkit.core.NetProtocolException}); a menu whose first
 * item is an error item (type {@code 3}) is a {@link NetReplyException} with code 3 and the
 * item's text: a {@link NetNotFoundException} (a missing {@code CONTAINER}) for a menu, one naming
 * an {@code ITEM} for a text item answered by an error menu. A failed transfer may have written part of the item to the sink.
 *
 * <p><b>Binary items have no length.</b> Gopher marks the end of a binary item only by closing the
 * connection, so an item cut short by the server or the network cannot be told from a complete
 * one: {@link GopherTransfer#end()} is then {@link GopherTransfer.End#CLOSED_BY_SERVER}, never
 * "complete". Pass the expected length when it is known ({@link #binary(String, OutputStream,
 * long)}) to have a short item reported as an error.
 *
 * <p>Selectors and queries with CR, LF or NUL are refused before connecting ({@link
 * io.netkit.core.UnsafeArgumentException}). Not thread-safe, except {@link #close()}, which may be
 * called from another thread to abort a request in progress.
 */
public final class GopherClient implements NetClient<GopherRequest, GopherReply> {
  private final NetOptions options;
  private volatile Endpoint endpoint;
  private volatile boolean closed;
  private volatile TcpConnection current;

  /** A client with {@link NetOptions#defaults()}. */
  public GopherClient() {
    this(NetOptions.defaults());
  }

  /**
   * A client with {@code options}: {@link TlsMode#IMPLICIT} speaks {@code gophers}; {@link
   * TlsMode#STARTTLS_IF_OFFERED} speaks plain Gopher (no server offers STARTTLS).
   *
   * @throws IllegalArgumentException for {@link TlsMode#STARTTLS_REQUIRED}: Gopher has no STARTTLS
   */
  public GopherClient(NetOptions options) {
    this.options = Objects.requireNonNull(options, "options");
    if (options.tlsMode() == TlsMode.STARTTLS_REQUIRED) {
      throw new IllegalArgumentException(
          "Gopher has no STARTTLS: use gophers (TLS from the first byte) or no TLS");
    }
  }

  @Override
  public Protocol protocol() {
    return Protocol.GOPHER;
  }

  /**
   * Records the endpoint (port 70 when it has none) and resolves its host; opens no connection.
   *
   * @throws io.netkit.core.NetConnectException when the host cannot be resolved
   * @throws IllegalStateException when already connected or closed
   */
  @Override
  public void connect(Endpoint target) throws IOException {
    Objects.requireNonNull(target, "endpoint");
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    if (endpoint != null) {
      throw new IllegalStateException("already connected to " + endpoint);
    }
    Endpoint withPort = target.withDefaultPort(Protocol.GOPHER.defaultPort());
    withPort.resolve();
    endpoint = withPort;
  }

  /** The endpoint requests go to. */
  public Endpoint endpoint() {
    Endpoint current = endpoint;
    if (current == null) {
      throw new IllegalStateException("not connected");
    }
    return current;
  }

  /**
   * Sends one request on a fresh connection and reads the whole answer.
   *
   * @throws NetException when connecting fails, the answer is broken or a timeout expires
   * @throws IllegalStateException when not connected
   */
  @Override
  public GopherReply request(GopherRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    Endpoint target = endpoint();
    if (closed) {
      throw new IllegalStateException("client is closed");
    }
    try (TcpConnection connection = TcpConnection.connect(target, options, "gopher")) {
      current = connection;
      if (closed) {
        throw new NetException(connection.context(), "client closed", null);
      }
      return exchange(connection, request);
    } finally {
      current = null;
    }
  }

  private GopherReply exchange(TcpConnection connection, GopherRequest request) throws IOException {
    String line =
        request instanceof GopherRequest.Search search
            ? search.selector() + "\t" + search.query()
            : request.selector();
    connection.writeLine(line);
    if (request instanceof GopherRequest.Text text) {
      return new TextReader(connection.input(), text.sink(), text.progress()).copy(text.framing());
    }
    if (request instanceof GopherRequest.Binary binary) {
      return BinaryReader.copy(connection.input(), binary.sink(), binary.expectedLength(), binary.progress());
    }
    GopherMenu menu = MenuReader.read(connection.input(), connection.endpoint().host(), connection.endpoint().port());
    refuseErrorMenu(menu, connection.context(), request);
    return menu;
  }

  private static void refuseErrorMenu(GopherMenu menu, ErrorContext context, GopherRequest request)
      throws NetReplyException {
    GopherItem first = menu.links().stream().findFirst().orElse(null);
    if (first != null && first.type() == '3') {
      if (request instanceof GopherRequest.Search) {
        throw new NetReplyException(context, 3, first.display(), "search '" + request.selector() + "'");
      }
      // Gopher has no reply codes: an error item in place of a menu says the selector names no
      // menu (servers say "'/x' doesn't exist"), which callers read as a missing container.
      throw new NetNotFoundException(
          context, NetNotFoundException.Target.CONTAINER, 3, first.display(),
          "menu '" + request.selector() + "'");
    }
  }

  /** The menu at {@code selector} ({@code ""} for the root menu). */
  public GopherMenu menu(String selector) throws IOException {
    return (GopherMenu) request(GopherRequest.menu(selector));
  }

  /** The results of searching {@code query} at the search item (type 7) {@code selector}. */
  public GopherMenu search(String selector, String query) throws IOException {
    return (GopherMenu) request(GopherRequest.search(selector, query));
  }

  /**
   * The text item at {@code selector} as a string (UTF-8, LF line ends), held whole in memory: for
   * large items use {@link #text(String, OutputStream)}.
   */
  public String text(String selector) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    text(selector, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Streams the text item at {@code selector} into {@code out}, as RFC 1436 frames it. */
  public GopherTransfer text(String selector, OutputStream out) throws IOException {
    return text(selector, out, TextFraming.DOT_TERMINATED);
  }

  /** Streams the text item at {@code selector} into {@code out}, framed as {@code framing} says. */
  public GopherTransfer text(String selector, OutputStream out, TextFraming framing) throws IOException {
    return (GopherTransfer)
        request(new GopherRequest.Text(selector, out, framing, TransferListener.NONE));
  }

  /**
   * Streams the binary item at {@code selector} into {@code out} until the server closes.
   *
   * @return the number of bytes received; whether that is the whole item cannot be known (see the
   *     class comment)
   */
  public long binary(String selector, OutputStream out) throws IOException {
    return ((GopherTransfer) request(GopherRequest.binary(selector, out))).bytes();
  }

  /**
   * Streams the binary item at {@code selector} into {@code out}, which must be exactly {@code
   * expectedLength} bytes long.
   *
   * @throws io.netkit.core.NetProtocolException when the item is shorter or longer
   */
  public long binary(String selector, OutputStream out, long expectedLength) throws IOException {
    return ((GopherTransfer)
            request(new GopherRequest.Binary(selector, out, expectedLength, TransferListener.NONE)))
        .bytes();
  }

  @Override
  public boolean isConnected() {
    return endpoint != null && !closed;
  }

  /** Forgets the endpoint and aborts a request in progress (from any thread). Idempotent. */
  @Override
  public void close() {
    closed = true;
    TcpConnection active = current;
    if (active != null) {
      active.close();
    }
  }
}
