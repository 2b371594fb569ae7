package io.netkit.http;

import io.netkit.core.NetOptions;
import io.netkit.core.Trust;
import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Shared set-up: short timeouts, a recorded trace, plain and TLS MockWebServers on loopback. */
final class HttpTestSupport {
  /** One certificate for localhost and 127.0.0.1, made once (key generation is slow). */
  static final HeldCertificate CERTIFICATE =
      new HeldCertificate.Builder()
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .build();

  final List<TraceEvent> trace = new CopyOnWriteArrayList<>();

  NetOptions options() {
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .trace(trace::add)
        .build();
  }

  /** Options trusting {@link #CERTIFICATE}. */
  NetOptions tlsOptions() {
    return options().toBuilder()
        .trust(Trust.certificates(List.of(CERTIFICATE.certificate()), "test certificate"))
        .tlsMode(io.netkit.core.TlsMode.IMPLICIT)
        .build();
  }

  static MockWebServer plainServer() throws Exception {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  static MockWebServer tlsServer() throws Exception {
    MockWebServer server = new MockWebServer();
    HandshakeCertificates certificates =
        new HandshakeCertificates.Builder().heldCertificate(CERTIFICATE).build();
    server.useHttps(certificates.sslSocketFactory());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  List<String> lines(Direction direction) {
    return trace.stream().filter(e -> e.direction() == direction).map(TraceEvent::text).toList();
  }

  String transcript() {
    StringBuilder text = new StringBuilder();
    for (TraceEvent e : trace) {
      text.append(e.connection()).append(' ').append(e.direction()).append(' ').append(e.text()).append('\n');
    }
    return text.toString();
  }
}
