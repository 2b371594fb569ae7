package io.netkit.http.internal;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * HTTP's part of {@code netkit probe}: over TLS, which application protocol ALPN chose among
 * {@code h2} and {@code http/1.1}; then a {@code HEAD} of the URL's path over HTTP/1.1 (on a
 * second TLS connection offering only {@code http/1.1} when the server chose {@code h2}), whose
 * status line, {@code Server}, {@code Alt-Svc} and {@code Allow} headers and {@code
 * WWW-Authenticate} schemes are reported. The login check sends Basic credentials with a {@code
 * HEAD}: 401 or 403 means refused. Stateless and thread-safe.
 */
public final class HttpProbeProvider implements ProbeProvider {
  /** More header lines than any response needs: a bound against a flooding server. */
  private static final int MAX_HEADERS = 500;

  @Override
  public Protocol protocol() {
    return Protocol.HTTP;
  }

  @Override
  public List<String> applicationProtocols() {
    return List.of("h2", "http/1.1");
  }

  @Override
  public void probe(ProbeSession session) throws IOException {
    TcpConnection c = session.connection();
    List<String> protocols = new ArrayList<>();
    if (session.isTls()) {
      String chosen = c.applicationProtocol().orElse(null);
      if (chosen != null) {
        protocols.add(chosen);
      }
      if ("h2".equals(chosen)) {
        c = session.reconnect(List.of("http/1.1"));
      }
    }
    Head head = head(c, session.url(), null);
    session.greeting(head.statusLine);
    if (!protocols.contains("http/1.1")) {
      protocols.add(head.statusLine.split(" ", 2)[0]);
    }
    session.capabilities(protocols);
    session.detail("status", Integer.toString(head.status));
    for (String[] header : head.headers) {
      String name = header[0].toLowerCase(Locale.ROOT);
      if (name.equals("server") || name.equals("alt-svc") || name.equals("allow")) {
        session.detail(name, header[1]);
      }
    }
    List<String> schemes = new ArrayList<>();
    for (String[] header : head.headers) {
      if (header[0].equalsIgnoreCase("WWW-Authenticate")) {
        schemes.add(header[1].trim().split("[\\s,]+")[0]);
      }
    }
    session.mechanisms(schemes);
  }

  @Override
  public Login checkLogin(URI url, NetOptions options, ClientProvider clients) {
    Endpoint endpoint = clients.endpoint(url);
    Credentials credentials = endpoint.credentials().orElseThrow();
    String basic =
        Base64.getEncoder()
            .encodeToString((credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
    NetOptions masked =
        options.toBuilder().traceMasker(options.traceMasker().andThen((direction, line) -> line.replace(basic, "****"))).build();
    try (TcpConnection c =
        TcpConnection.connect(Endpoint.of(endpoint.host(), endpoint.port()), masked, "http")) {
      Head head = head(c, url, basic);
      if (head.status == 401 || head.status == 403 || head.status == 407) {
        return new Login(LoginStatus.FAILED, "HTTP " + head.status);
      }
      return new Login(LoginStatus.SUCCEEDED, "HTTP " + head.status);
    } catch (IOException e) {
      return new Login(LoginStatus.FAILED, "login could not be checked: " + e.getMessage());
    }
  }

  private static Head head(TcpConnection c, URI url, String basic) throws IOException {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    String host = url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
    c.writeLine("HEAD " + path + " HTTP/1.1");
    c.writeLine("Host: " + host);
    c.writeLine("User-Agent: netkit-probe");
    if (basic != null) {
      c.writeLine("Authorization: Basic " + basic);
    }
    c.writeLine("Connection: close");
    c.writeLine("");
    String status = c.readLine();
    if (status == null || !status.startsWith("HTTP/") || status.length() < 12) {
      throw new NetProtocolException(c.context(), "not an HTTP status line: " + status);
    }
    int code;
    try {
      code = Integer.parseInt(status.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new NetProtocolException(c.context(), "not an HTTP status line: " + status);
    }
    List<String[]> headers = new ArrayList<>();
    for (String line = c.readLine(); line != null && !line.isEmpty(); line = c.readLine()) {
      if (headers.size() >= MAX_HEADERS) {
        throw new NetProtocolException(c.context(), "more than " + MAX_HEADERS + " header lines");
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
      }
    }
    return new Head(status, code, headers);
  }

  private record Head(String statusLine, int status, List<String[]> headers) {}
}
