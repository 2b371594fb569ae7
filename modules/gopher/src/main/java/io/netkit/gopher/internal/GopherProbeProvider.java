package io.netkit.gopher.internal;

import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.Protocol;
import io.netkit.core.probe.ProbeReport.Login;
import io.netkit.core.probe.ProbeReport.LoginStatus;
import io.netkit.core.probe.ProbeSession;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ProbeProvider;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gopher's part of {@code netkit probe}: Gopher has no greeting, capabilities or login, so the
 * probe asks for the root menu (the empty selector) and reports how many items it has and of
 * which types. Stateless and thread-safe.
 */
public final class GopherProbeProvider implements ProbeProvider {
  /** More lines than a root menu has: a bound against a server that never ends it. */
  private static final int MAX_LINES = 100_000;

  @Override
  public Protocol protocol() {
    return Protocol.GOPHER;
  }

  @Override
  public void probe(ProbeSession session) throws IOException {
    TcpConnection c = session.connection();
    c.writeLine("");
    int items = 0;
    int info = 0;
    Map<Character, Integer> types = new TreeMap<>();
    for (int n = 0; ; n++) {
      String line = c.readLine();
      if (line == null || line.equals(".")) {
        break; // many servers close without the "." line (RFC 1436 allows both in practice)
      }
      if (n >= MAX_LINES) {
        throw new NetProtocolException(c.context(), "root menu longer than " + MAX_LINES + " lines");
      }
      if (line.isEmpty()) {
        continue;
      }
      char type = line.charAt(0);
      if (type == 'i') {
        info++;
      } else {
        items++;
      }
      types.merge(type, 1, Integer::sum);
    }
    session.detail("menu items", Integer.toString(items));
    session.detail("info lines", Integer.toString(info));
    StringBuilder kinds = new StringBuilder();
    types.forEach((type, count) -> kinds.append(kinds.length() == 0 ? "" : " ").append(type).append('=').append(count));
    session.detail("item types", kinds.toString());
  }

  @Override
  public Login checkLogin(URI url, NetOptions options, ClientProvider clients) {
    return new Login(LoginStatus.NOT_APPLICABLE, "Gopher has no login");
  }
}
