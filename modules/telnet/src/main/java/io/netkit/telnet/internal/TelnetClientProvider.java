package io.netkit.telnet.internal;

import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.InteractiveProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.telnet.TelnetClient;
import io.netkit.telnet.TelnetOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code telnet} URL scheme ({@code telnet://[user:password@]host[:port]}, RFC 4248). Fetch
 * connects (logging in when the URL has credentials) and copies what the server sends until it
 * closes the connection or has been quiet for a second; the first byte may take up to the read
 * timeout (a server that says nothing at all is a timeout). Telnet has nothing to list. It is
 * also the {@link InteractiveProvider} behind {@code netkit telnet}. Stateless and thread-safe.
 */
public final class TelnetClientProvider implements ClientProvider, InteractiveProvider {
  /** How long a fetch waits for more once the server has started and then gone quiet. */
  static final Duration QUIET = Duration.ofSeconds(1);

  @Override
  public Protocol protocol() {
    return Protocol.TELNET;
  }

  @Override
  public NetClient<?, ?> newClient(NetOptions options) {
    return new TelnetClient(options);
  }

  @Override
  public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
      throws IOException {
    try (TelnetClient telnet = new TelnetClient(options)) {
      Endpoint target = endpoint(url).withDefaultPort(Protocol.TELNET.defaultPort());
      telnet.connect(target);
      // After a login the server has spoken already (its prompt was consumed): only quiet ends it.
      Duration first = target.credentials().isPresent() ? QUIET : options.readTimeout();
      boolean mustSpeak = target.credentials().isEmpty();
      out.write(telnet.afterLogin().getBytes(StandardCharsets.UTF_8));
      copy(telnet, ErrorContext.of("telnet", target), first, mustSpeak, out, progress);
    }
  }

  /** Copies until the server closes or is quiet; streams, whatever the size. */
  static long copy(
      TelnetClient telnet,
      ErrorContext context,
      Duration first,
      boolean mustSpeak,
      OutputStream out,
      TransferListener progress)
      throws IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    Duration wait = first;
    while (true) {
      int n = telnet.read(buffer, 0, buffer.length, wait);
      if (n < 0) {
        break;
      }
      if (n == 0) {
        if (total == 0 && mustSpeak) {
          throw new NetTimeoutException(context, "the server sent nothing for " + first);
        }
        break;
      }
      out.write(buffer, 0, n);
      out.flush();
      total += n;
      progress.progress(total, -1);
      wait = QUIET.compareTo(first) < 0 ? QUIET : first;
    }
    return total;
  }

  @Override
  public List<ListEntry> list(URI url, NetOptions options) {
    throw new UnsupportedOperationException("telnet has nothing to list");
  }

  @Override
  public Session open(URI url, NetOptions options, TerminalInfo terminal) throws IOException {
    TelnetOptions.Builder b = TelnetOptions.builder();
    if (terminal != null) {
      try {
        b.terminalType(terminal.type());
      } catch (IllegalArgumentException unusable) {
        // Keep the default type: an odd local TERM must not stop the session.
      }
      if (terminal.columns() > 0 && terminal.rows() > 0) {
        b.windowSize(Math.min(terminal.columns(), 0xFFFF), Math.min(terminal.rows(), 0xFFFF));
      }
    }
    TelnetClient telnet = ClientProvider.connected(new TelnetClient(options, b.build()), endpoint(url));
    byte[] shown = telnet.afterLogin().getBytes(StandardCharsets.UTF_8);
    return new Interactive(telnet, new ByteArrayInputStream(shown));
  }

  /** A {@link TelnetClient} seen through the protocol-neutral interface. */
  private record Interactive(TelnetClient telnet, ByteArrayInputStream shown) implements Session {
    @Override
    public int read(byte[] buffer, int offset, int length, Duration wait) throws IOException {
      if (shown.available() > 0) {
        return shown.read(buffer, offset, length); // the login's last words and the prompt
      }
      return telnet.read(buffer, offset, length, wait);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      telnet.output().write(buffer, offset, length);
    }

    @Override
    public void sendLine(String line) throws IOException {
      telnet.sendLine(line);
    }

    @Override
    public String expect(Pattern pattern, Duration timeout) throws IOException {
      shown.skip(shown.available()); // an expect starts after the login, as the library's does
      var match = telnet.expect(pattern, timeout);
      return match.before() + match.matched();
    }

    @Override
    public void resize(int columns, int rows) throws IOException {
      telnet.resize(columns, rows);
    }

    @Override
    public boolean remoteEcho() {
      return telnet.isConnected() && telnet.remoteEcho();
    }

    @Override
    public void close() {
      telnet.close();
    }
  }
}
