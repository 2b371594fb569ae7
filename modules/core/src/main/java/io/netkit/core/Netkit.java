package io.netkit.core;

import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The URL entry point: open a client for any URL whose protocol module is on the class path, or
 * fetch, list and store in one call. Protocols are found through {@link ClientProvider}s.
 *
 * <pre>{@code
 * Netkit.fetch(URI.create("gopher://127.0.0.1:7070/0/hello.txt"), System.out);
 * }</pre>
 */
public final class Netkit {
  private Netkit() {}

  /** Every protocol provider on the class path, in protocol-table order. */
  public static List<ClientProvider> providers() {
    return ServiceLoader.load(ClientProvider.class, Netkit.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(
            (a, b) ->
                Integer.compare(
                    Protocol.all().indexOf(a.protocol()), Protocol.all().indexOf(b.protocol())))
        .toList();
  }

  /**
   * The provider for a URL scheme.
   *
   * @throws IllegalArgumentException when no module on the class path serves the scheme
   */
  public static ClientProvider provider(String scheme) {
    Protocol protocol =
        Protocol.forScheme(scheme)
            .orElseThrow(() -> new IllegalArgumentException("unknown URL scheme: " + scheme));
    return providers().stream()
        .filter(p -> p.protocol().equals(protocol))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no netkit module for " + protocol.name() + " on the class path"));
  }

  /** Opens a connected client for the URL's host, port and credentials, with default options. */
  public static NetClient<?, ?> open(URI url) throws IOException {
    return open(url, NetOptions.defaults());
  }

  /** Opens a connected client for the URL (implicit TLS for the {@code s} schemes). */
  public static NetClient<?, ?> open(URI url, NetOptions options) throws IOException {
    ClientProvider provider = provider(url.getScheme());
    return ClientProvider.connected(
        provider.newClient(provider.options(url, options)), provider.endpoint(url));
  }

  /** Opens a connected client of a known type, e.g. {@code open(url, opts, FtpClient.class)}. */
  public static <C extends NetClient<?, ?>> C open(URI url, NetOptions options, Class<C> type)
      throws IOException {
    NetClient<?, ?> client = open(url, options);
    if (!type.isInstance(client)) {
      client.close();
      throw new IllegalArgumentException(url.getScheme() + " clients are not " + type.getName());
    }
    return type.cast(client);
  }

  /** Fetches what the URL names into {@code out}, with default options. */
  public static void fetch(URI url, OutputStream out) throws IOException {
    fetch(url, NetOptions.defaults(), out, TransferListener.NONE);
  }

  /** Fetches what the URL names into {@code out}. */
  public static void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
      throws IOException {
    ClientProvider provider = provider(url.getScheme());
    provider.fetch(url, provider.options(url, options), out, progress);
  }

  /** Lists what the URL names. */
  public static List<ListEntry> list(URI url, NetOptions options) throws IOException {
    ClientProvider provider = provider(url.getScheme());
    return provider.list(url, provider.options(url, options));
  }

  /** Stores {@code in} where the URL names; {@code size} is -1 when unknown. */
  public static void store(
      URI url, NetOptions options, InputStream in, long size, TransferListener progress)
      throws IOException {
    ClientProvider provider = provider(url.getScheme());
    provider.store(url, provider.options(url, options), in, size, progress);
  }

  /**
   * Probes the server a URL names: resolution, connect time, greeting, capabilities, STARTTLS,
   * TLS with its certificate chain (described even when it does not verify, never trusted), the
   * login mechanisms offered and, with credentials in the URL, whether the login works. What the
   * server does is reported, not thrown: see {@link io.netkit.core.probe.ProbeReport#failure()}.
   *
   * @throws IllegalArgumentException when no module on the class path serves or probes the scheme
   */
  public static io.netkit.core.probe.ProbeReport probe(URI url, NetOptions options) {
    ClientProvider provider = provider(url.getScheme());
    io.netkit.core.spi.ProbeProvider probe =
        ServiceLoader.load(io.netkit.core.spi.ProbeProvider.class, Netkit.class.getClassLoader())
            .stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.protocol().equals(provider.protocol()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the " + provider.protocol().name() + " module cannot probe"));
    return io.netkit.core.probe.Prober.probe(
        url, provider.options(url, options), provider, probe);
  }

  /**
   * Deletes what the URL names (see {@link ClientProvider#delete}).
   *
   * @throws UnsupportedOperationException when the URL's protocol cannot delete
   */
  public static void delete(URI url, NetOptions options) throws IOException {
    ClientProvider provider = provider(url.getScheme());
    provider.delete(url, provider.options(url, options));
  }
}
