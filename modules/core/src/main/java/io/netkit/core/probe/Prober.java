package io.netkit.core.probe;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.TlsMode;
import io.netkit.core.probe.ProbeReport.Failure;
import io.netkit.core.probe.ProbeReport.Login;
import io.netkit.core.probe.ProbeReport.LoginStatus;
import io.netkit.core.probe.ProbeReport.Stage;
import io.netkit.core.probe.ProbeReport.StartTls;
import io.netkit.core.probe.ProbeReport.Tls;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ProbeProvider;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;

/**
 * Runs one probe: the protocol-neutral parts (resolution, connect time, TLS and its certificate
 * chain, the login check's connection) here, once for all protocols, and the protocol's part
 * through its {@link ProbeProvider}. Use {@link io.netkit.core.Netkit#probe}, which finds the
 * providers; this class is its engine. Not thread-safe: one instance per probe.
 */
public final class Prober {
  private final URI url;
  private final NetOptions options;
  private final ClientProvider clients;
  private final ProbeProvider probe;
  private final Endpoint endpoint;
  private final Optional<Credentials> credentials;
  private Tls tls;
  private Stage tlsStage;

  private Prober(URI url, NetOptions options, ClientProvider clients, ProbeProvider probe) {
    this.url = url;
    this.options = options;
    this.clients = clients;
    this.probe = probe;
    Endpoint named = clients.endpoint(url);
    this.endpoint = Endpoint.of(named.host(), named.requirePort());
    this.credentials = named.credentials();
  }

  /**
   * Probes {@code url} with {@code options} (already adjusted by {@code clients.options}, so an
   * {@code s} scheme has implicit TLS). Never throws for what the server does: the report says.
   */
  public static ProbeReport probe(
      URI url, NetOptions options, ClientProvider clients, ProbeProvider probe) {
    return new Prober(url, options, clients, probe).run();
  }

  private ProbeReport run() {
    URI shown = withoutUserInfo(url);
    String host = endpoint.host();
    List<String> addresses = List.of();
    String used = null;
    Duration connectTime = null;
    Failure failure = null;
    Login login = Login.NOT_TRIED;
    ProbeSession session = null;
    TcpConnection connection = null;
    try {
      addresses =
          Arrays.stream(InetAddress.getAllByName(host)).map(InetAddress::getHostAddress).toList();
    } catch (UnknownHostException e) {
      failure = new Failure(Stage.RESOLVE, "cannot resolve " + host);
    }
    if (failure == null) {
      long start = System.nanoTime();
      try {
        connection = TcpConnection.connect(endpoint, plain(), probe.protocol().name());
        connectTime = Duration.ofNanos(System.nanoTime() - start);
        used = connection.remoteAddress().getAddress().getHostAddress();
      } catch (NetTimeoutException e) {
        failure = new Failure(Stage.TIMEOUT, e.getMessage());
      } catch (NetException e) {
        failure = new Failure(Stage.CONNECT, e.getMessage());
      }
    }
    if (connection != null) {
      session = new ProbeSession(shown, options, connection, this);
      try {
        if (options.tlsMode() == TlsMode.IMPLICIT) {
          handshake(connection, "implicit");
        }
        probe.probe(session);
        if (options.tlsMode() == TlsMode.STARTTLS_REQUIRED && !session.isTls()) {
          // A protocol without STARTTLS (HTTP, Telnet, Gopher) cannot meet the requirement.
          failure =
              new Failure(Stage.STARTTLS, "TLS is required, but the " + probe.protocol().name()
                  + " session stayed in the clear");
        }
      } catch (IOException | RuntimeException e) {
        failure = new Failure(stageOf(e, session), scrub(String.valueOf(e.getMessage())));
      } finally {
        session.connection().close();
      }
    }
    if (failure == null && credentials.isPresent()) {
      login = checkLogin(session);
    }
    return new ProbeReport(
        shown.toString(),
        probe.protocol().name(),
        host,
        endpoint.port(),
        addresses,
        used,
        connectTime,
        session == null ? null : scrub(session.greetingText()),
        session == null ? List.of() : session.capabilityList(),
        session == null ? java.util.Map.of() : session.detailMap(),
        session == null ? StartTls.NONE : session.startTls(),
        tls,
        session == null ? List.of() : session.mechanismList(),
        login,
        failure);
  }

  private Login checkLogin(ProbeSession session) {
    NetOptions loginOptions =
        session.startTls() == StartTls.UPGRADED
            ? options.toBuilder().tlsMode(TlsMode.STARTTLS_REQUIRED).build()
            : options;
    Login result = probe.checkLogin(url, loginOptions, clients);
    return new Login(result.status(), result.message() == null ? null : scrub(result.message()));
  }

  /** Options for the probe's own connection: plain, since the core starts TLS itself. */
  private NetOptions plain() {
    return options.toBuilder().tlsMode(TlsMode.NONE).build();
  }

  /** TLS on {@code connection}, recording the session and the chain in the report. */
  void handshake(TcpConnection connection, String mode) throws NetException {
    CapturingTrustManager capture = new CapturingTrustManager(options.trust().trustManager());
    List<String> alpn = probe.applicationProtocols();
    try {
      connection.startTls(context(capture), alpn);
    } catch (NetException e) {
      String reason = capture.rejection() != null ? capture.rejection() : e.getMessage();
      tls =
          new Tls(mode, false, null, null, alpn, null, chain(capture), false, scrub(reason));
      tlsStage =
          capture.rejection() != null
              ? Stage.VERIFY
              : e instanceof NetTimeoutException ? Stage.TIMEOUT : Stage.TLS;
      throw e;
    }
    SSLSession s = connection.tlsSession().orElseThrow();
    tls =
        new Tls(
            mode,
            true,
            s.getProtocol(),
            s.getCipherSuite(),
            alpn,
            connection.applicationProtocol().orElse(null),
            chain(capture),
            true,
            null);
  }

  /** A fresh TLS connection to the same endpoint, for a provider that must change ALPN. */
  TcpConnection reconnect(List<String> alpn) throws NetException {
    TcpConnection fresh = TcpConnection.connect(endpoint, plain(), probe.protocol().name());
    CapturingTrustManager capture = new CapturingTrustManager(options.trust().trustManager());
    fresh.startTls(context(capture), alpn);
    return fresh;
  }

  private static SSLContext context(CapturingTrustManager capture) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {capture}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available: " + e.getMessage(), e);
    }
  }

  private static List<ProbeReport.Certificate> chain(CapturingTrustManager capture) {
    return Certificates.describe(capture.chain(), Instant.now());
  }

  private Stage stageOf(Exception e, ProbeSession session) {
    if (session.failingStage() != null) {
      return session.failingStage();
    }
    if (tlsStage != null) {
      return tlsStage;
    }
    return e instanceof NetTimeoutException ? Stage.TIMEOUT : Stage.PROTOCOL;
  }

  /** The text without the password, whatever a module or server put in it. */
  private String scrub(String text) {
    if (text == null || credentials.isEmpty() || credentials.get().password().isEmpty()) {
      return text;
    }
    return text.replace(credentials.get().password(), "****");
  }

  private static URI withoutUserInfo(URI url) {
    try {
      return new URI(
          url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), url.getQuery(), null);
    } catch (URISyntaxException e) {
      return URI.create(url.getScheme() + "://" + url.getHost());
    }
  }
}
