package io.netkit.core.spi;

import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.probe.ProbeReport.Login;
import io.netkit.core.probe.ProbeReport.LoginStatus;
import io.netkit.core.probe.ProbeSession;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * A protocol's part of {@code netkit probe} and {@link io.netkit.core.Netkit#probe}: on a
 * connection the core opened (and, for implicit TLS, secured), read the greeting, ask for the
 * capabilities, take STARTTLS when offered, and say which login mechanisms are offered, without
 * logging in. The core does resolution, connect timing and TLS (including the certificate chain)
 * once for all protocols; it names none of them. Found with {@link java.util.ServiceLoader} (list
 * the implementation in {@code META-INF/services/io.netkit.core.spi.ProbeProvider}).
 * Implementations must be thread-safe and stateless.
 */
public interface ProbeProvider {
  /** The protocol, whose schemes this provider probes. */
  Protocol protocol();

  /**
   * The application protocols (ALPN) to offer in TLS handshakes, most preferred first; none by
   * default.
   */
  default List<String> applicationProtocols() {
    return List.of();
  }

  /**
   * Speaks the protocol on {@code session}'s connection and records what the server announces.
   * The core closes the connection afterwards; sending the protocol's polite goodbye is up to
   * the provider.
   *
   * @throws IOException when the conversation fails; what was recorded before is kept
   */
  void probe(ProbeSession session) throws IOException;

  /**
   * Logs in with the credentials in {@code url}'s userinfo on a connection of its own and says
   * whether that worked, then disconnects. The default connects a client of {@code clients} (its
   * connect logs in when the endpoint has credentials). The result must never hold the password.
   *
   * @param options the probe's options, with TLS as the probe found it works
   */
  default Login checkLogin(URI url, NetOptions options, ClientProvider clients) {
    try (NetClient<?, ?> client =
        ClientProvider.connected(clients.newClient(options), clients.endpoint(url))) {
      return new Login(LoginStatus.SUCCEEDED, null);
    } catch (NetAuthenticationException e) {
      return new Login(LoginStatus.FAILED, e.getMessage());
    } catch (IOException | RuntimeException e) {
      return new Login(LoginStatus.FAILED, "login could not be checked: " + e.getMessage());
    }
  }
}
