package io.netkit.smtp;

import io.netkit.core.Trust;
import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.core.trace.TraceSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** Test TLS material and a recording trace sink. */
final class TestSupport {
  static final HeldCertificate CA =
      new HeldCertificate.Builder().certificateAuthority(0).commonName("smtp test CA").build();
  static final HeldCertificate SERVER =
      new HeldCertificate.Builder()
          .signedBy(CA)
          .commonName("localhost")
          .addSubjectAlternativeName("localhost")
          .addSubjectAlternativeName("127.0.0.1")
          .build();

  private TestSupport() {}

  static SSLContext serverContext() {
    return new HandshakeCertificates.Builder().heldCertificate(SERVER, CA.certificate()).build().sslContext();
  }

  static Trust trust() {
    return Trust.certificates(List.of(CA.certificate()), "smtp test CA");
  }

  /** Collects trace events. */
  static final class Trace implements TraceSink {
    final List<TraceEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(TraceEvent event) {
      events.add(event);
    }

    List<String> sent() {
      return events.stream().filter(e -> e.direction() == Direction.SENT).map(TraceEvent::text).toList();
    }

    long connections() {
      return events.stream().map(TraceEvent::connection).distinct().count();
    }

    String all() {
      StringBuilder b = new StringBuilder();
      events.forEach(e -> b.append(e.connection()).append(' ').append(e.direction()).append(' ').append(e.text()).append('\n'));
      return b.toString();
    }
  }
}
