package io.netkit.ftp;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.ftp.FtpMockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared set-up: a mock server with user bob, short timeouts, and a recorded trace. */
final class FtpTestSupport {
  static final String USER = "bob";
  static final String PASSWORD = "s3cret-pw";
  static final String HOME = "/home/bob";

  final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
  final FtpMockServer server = new FtpMockServer().user(USER, PASSWORD, HOME);

  NetOptions options() {
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(2))
        .trace(trace::add)
        .build();
  }

  Endpoint endpoint() {
    return server.endpoint().withCredentials(new Credentials(USER, PASSWORD));
  }

  FtpClient connect() throws Exception {
    return connect(FtpOptions.defaults());
  }

  FtpClient connect(FtpOptions ftpOptions) throws Exception {
    if (!server.isRunning()) {
      server.start();
    }
    FtpClient client = new FtpClient(options(), ftpOptions);
    client.connect(endpoint());
    return client;
  }

  /** The lines the client sent on the control connection. */
  List<String> sent() {
    return trace.stream()
        .filter(e -> e.direction() == io.netkit.core.trace.Direction.SENT)
        .map(TraceEvent::text)
        .toList();
  }

  String transcript() {
    StringBuilder text = new StringBuilder();
    for (TraceEvent e : trace) {
      text.append(e.connection()).append(' ').append(e.direction()).append(' ').append(e.text()).append('\n');
    }
    return text.toString();
  }
}
