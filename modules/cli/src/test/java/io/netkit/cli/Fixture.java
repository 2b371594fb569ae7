package io.netkit.cli;

import io.netkit.core.Credentials;
import io.netkit.core.Protocol;
import io.netkit.core.spi.ListEntry;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.MockServerProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A testkit server of one protocol serving a small tree: hello.txt (text), data.bin (binary),
 * sub/. Protocols come from the catalog: every scheme this build supports is tested.
 */
final class Fixture implements AutoCloseable {
  static final Credentials ACCOUNT = new Credentials("alice", "s3cret-pw");
  static final String TEXT = "Hello from the netkit fixture.\nSecond line.\n";
  static final byte[] BINARY = random(200 * 1024);

  final Protocol protocol;
  final Path root;
  final MockServer server;

  private Fixture(Protocol protocol, Path root, MockServer server) {
    this.protocol = protocol;
    this.root = root;
    this.server = server;
  }

  /**
   * Every protocol with both a client and a testkit server that serves a file tree as it is
   * (the fixture's files are fetched back byte for byte) in this build; {@code
   * -Dnetkit.test.protocols=ftp,gopher} narrows the run to those (to test one module's part).
   */
  static Stream<Protocol> protocols() {
    String only = System.getProperty("netkit.test.protocols", "").strip();
    List<String> wanted = only.isEmpty() ? List.of() : List.of(only.split("\\s*,\\s*"));
    return Cli.catalog().servers().stream()
        .filter(MockServerProvider::servesFileTree)
        .map(MockServerProvider::protocol)
        .distinct() // a protocol may serve more than one kind (http: files and xmlrpc)
        .filter(p -> Cli.catalog().supports(p))
        .filter(p -> wanted.isEmpty() || wanted.contains(p.name()));
  }

  static Fixture start(Protocol protocol, Path root) throws IOException {
    Files.writeString(root.resolve("hello.txt"), TEXT, StandardCharsets.US_ASCII);
    Files.write(root.resolve("data.bin"), BINARY);
    Files.createDirectories(root.resolve("sub"));
    Files.writeString(root.resolve("sub/note.txt"), "note\n");
    MockServer server =
        Cli.catalog().server(protocol).orElseThrow().newServer(root, Optional.of(ACCOUNT));
    server.start(0);
    return new Fixture(protocol, root, server);
  }

  /** The login option every command gets (ignored by protocols without login). */
  String[] login() {
    return new String[] {"-u", ACCOUNT.user() + ":" + ACCOUNT.password()};
  }

  URI rootUrl() {
    return server.url();
  }

  /** The URL of a listed entry, found through `ls` semantics (the provider's listing). */
  URI urlOf(String name) throws IOException {
    URI root = io.netkit.cli.internal.UrlArgument.parse(rootUrl().toString(), ACCOUNT);
    var provider = Cli.catalog().clientForScheme(root.getScheme());
    List<ListEntry> entries =
        provider.list(root, provider.options(root, io.netkit.core.NetOptions.defaults()));
    return entries.stream()
        .filter(e -> e.name().contains(name) && e.url() != null)
        .findFirst()
        .map(ListEntry::url)
        .orElseThrow(() -> new AssertionError(name + " not listed: " + entries));
  }

  /** A URL on this server for a file that does not exist, shaped like {@code like}'s URL. */
  URI missing(String like) throws IOException {
    return URI.create(urlOf(like).toString().replace(like, "no-such-file.txt"));
  }

  @Override
  public void close() {
    server.stop();
  }

  private static byte[] random(int size) {
    byte[] b = new byte[size];
    new Random(42).nextBytes(b);
    return b;
  }
}
