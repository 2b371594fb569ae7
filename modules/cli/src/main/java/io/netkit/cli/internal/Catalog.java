package io.netkit.cli.internal;

import io.netkit.cli.ExitCode;
import io.netkit.core.Netkit;
import io.netkit.core.Protocol;
import io.netkit.core.spi.ClientProvider;
import io.netkit.testkit.spi.DemoScenario;
import io.netkit.testkit.spi.MockServerProvider;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * What this build can do, as contributed by the modules on the class path: client providers
 * (core SPI), testkit servers and demo scenarios (testkit SPI). The command never names a
 * protocol; everything protocol-specific comes from here. Immutable.
 */
public final class Catalog {
  private final List<ClientProvider> clients;
  private final List<MockServerProvider> servers;
  private final List<DemoScenario> scenarios;

  /** A catalog of exactly these contributions (tests use it to add fakes). */
  public Catalog(
      List<ClientProvider> clients, List<MockServerProvider> servers, List<DemoScenario> scenarios) {
    this.clients = List.copyOf(clients);
    this.servers = List.copyOf(servers);
    this.scenarios = List.copyOf(scenarios);
  }

  /** Everything registered with {@link ServiceLoader} on the class path. */
  public static Catalog fromClassPath() {
    ClassLoader loader = Catalog.class.getClassLoader();
    return new Catalog(
        Netkit.providers(),
        load(MockServerProvider.class, loader),
        load(DemoScenario.class, loader));
  }

  private static <T> List<T> load(Class<T> type, ClassLoader loader) {
    return ServiceLoader.load(type, loader).stream().map(ServiceLoader.Provider::get).toList();
  }

  /**
   * Whether a URL of {@code scheme} may leave out its host, as its provider says ({@link
   * ClientProvider#allowsNoHost}); false for a scheme no provider serves.
   */
  public boolean allowsNoHost(String scheme) {
    String lower = scheme.toLowerCase(java.util.Locale.ROOT);
    return clients.stream()
        .anyMatch(c -> c.protocol().schemes().contains(lower) && c.allowsNoHost(lower));
  }

  /** The client providers, in protocol-table order. */
  public List<ClientProvider> clients() {
    return clients;
  }

  /** The provider for a protocol, if this build has one. */
  public Optional<ClientProvider> client(Protocol protocol) {
    return clients.stream().filter(c -> c.protocol().equals(protocol)).findFirst();
  }

  /** True when a module for the protocol is on the class path. */
  public boolean supports(Protocol protocol) {
    return client(protocol).isPresent();
  }

  /**
   * The provider for a URL scheme.
   *
   * @throws UsageException naming the schemes this build does support
   */
  public ClientProvider clientForScheme(String scheme) {
    Protocol protocol =
        Protocol.forScheme(scheme)
            .orElseThrow(
                () ->
                    new UsageException(
                        "unknown URL scheme '" + scheme + "'; " + supported(),
                        ExitCode.FAILURE));
    return client(protocol)
        .orElseThrow(
            () ->
                new UsageException(
                    "this build has no module for " + protocol.name() + "; " + supported(),
                    ExitCode.FAILURE));
  }

  private String supported() {
    return clients.isEmpty()
        ? "this build supports no protocol"
        : "this build supports "
            + clients.stream()
                .flatMap(c -> c.protocol().schemes().stream())
                .map(s -> s + "://")
                .collect(Collectors.joining(", "));
  }

  /** The testkit server for a protocol, if its module contributes one. */
  public Optional<MockServerProvider> server(Protocol protocol) {
    // The protocol's own server: not a second kind served over it (xmlrpc over http).
    return servers.stream()
        .filter(s -> s.protocol().equals(protocol) && s.name().equals(protocol.name()))
        .findFirst();
  }

  /** The testkit servers, in protocol-table order. */
  public List<MockServerProvider> servers() {
    return servers.stream()
        .sorted(
            (a, b) ->
                Integer.compare(
                    Protocol.all().indexOf(a.protocol()), Protocol.all().indexOf(b.protocol())))
        .toList();
  }

  /** The protocol's own demo session, if it contributes one. */
  public Optional<DemoScenario> scenario(Protocol protocol) {
    return scenarios.stream().filter(s -> s.protocol().equals(protocol)).findFirst();
  }
}
