package io.netkit.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netkit.cli.Cli;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import io.netkit.core.Netkit;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.testkit.HostileServer;
import io.netkit.testkit.HostileServer.Behaviour;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile-server and hostile-input cases every protocol must survive, each run through the
 * public API ({@link Netkit}) and through the command (in process): a typed exception within the
 * timeouts, and in the command one line on stderr and a non-zero exit. A protocol's test class
 * says what its server's lines look like; a case that does not apply is skipped with the reason.
 */
abstract class HostileContract {
  /** Generous: the machine is loaded; every case needs a second or two. */
  static final Duration BOUND = Duration.ofSeconds(25);

  static final String GARBAGE = "\0\u00ff\u00fe\u0001 garbage \0 \t\tnot-a-reply\r\n";

  abstract Protocol protocol();

  /** The path fetched, starting with "/". */
  abstract String path();

  /** The server's first line, or null when the client speaks first. */
  abstract String greeting();

  /** A short line that, repeated, never ends the reply the client waits for. */
  abstract String floodLine();

  /** A first reply that does not parse (wrong code, truncated status line), or null: n/a. */
  abstract String unparsable();

  /** What the client-first server sends before the behaviour (e.g. an HTTP status line). */
  String afterRequest() {
    return null;
  }

  /** A polite one-line answer to any command, for the input cases. */
  String okLine() {
    return greeting();
  }

  /** True when the URL carries a login. */
  boolean login() {
    return true;
  }

  /** Why a case does not apply to this protocol, or null. */
  String notCovered(String testCase) {
    return null;
  }

  /** The command's arguments for {@code url}. */
  List<String> command(String url) {
    return List.of("get", url);
  }

  /** The API operation on {@code url}. */
  void api(URI url, NetOptions options) throws IOException {
    Netkit.fetch(url, options, OutputStream.nullOutputStream(), TransferListener.NONE);
  }

  @BeforeEach
  void moduleIsThere() {
    assumeTrue(Cli.catalog().supports(protocol()), "no " + protocol() + " module in this build");
  }

  String url(String scheme, HostileServer server, String path) {
    String user = login() ? "bob:pw@" : "";
    return scheme + "://" + user + "127.0.0.1:" + server.port() + path;
  }

  String url(HostileServer server) {
    return url(protocol().schemes().get(0), server, path());
  }

  HostileServer server(Behaviour behaviour, String payload) throws IOException {
    return HostileServer.start(behaviour, greeting(), afterRequest(), payload);
  }

  /** A server that sends {@code first} as its first reply (instead of a greeting), then closes. */
  HostileServer firstReply(String first) throws IOException {
    return greeting() == null
        ? HostileServer.start(Behaviour.ONCE, null, first, "")
        : HostileServer.start(Behaviour.ONCE, first, null, "");
  }

  @Test
  void aSilentServerTimesOut() throws IOException {
    skipIfNotCovered("silent");
    try (HostileServer server = HostileServer.start(Behaviour.SILENT, null, null, null)) {
      NetOptions o = options().readTimeout(Duration.ofSeconds(1)).build();
      assertInstanceOf(NetTimeoutException.class, apiFails(url(server), o));
      Cli.Result r = commandFails(url(server), "--timeout", "1");
      assertEquals(28, r.code(), r::toString);
    }
  }

  @Test
  void aDripFedServerEndsAtTheDeadline() throws IOException {
    skipIfNotCovered("drip");
    String drip = greeting() == null ? "x" : greeting().substring(0, Math.min(3, greeting().length()));
    try (HostileServer server = HostileServer.start(Behaviour.DRIP, null, null, drip)) {
      NetOptions o = options().deadline(Duration.ofSeconds(2)).build();
      assertInstanceOf(NetException.class, apiFails(url(server), o));
      commandFails(url(server), "--max-time", "2");
    }
  }

  @Test
  void aFloodOfShortLinesIsBounded() throws IOException {
    skipIfNotCovered("flood");
    try (HostileServer server = server(Behaviour.FLOOD, floodLine())) {
      assertInstanceOf(NetException.class, apiFails(url(server), options().build()));
      commandFails(url(server));
    }
  }

  @Test
  void oneEndlessLineIsBounded() throws IOException {
    skipIfNotCovered("endless");
    try (HostileServer server = server(Behaviour.ENDLESS_LINE, null)) {
      assertInstanceOf(NetException.class, apiFails(url(server), options().build()));
      commandFails(url(server));
    }
  }

  @Test
  void garbageAndNulBytesAreRefused() throws IOException {
    skipIfNotCovered("garbage");
    try (HostileServer server = firstReply(GARBAGE)) {
      assertInstanceOf(NetException.class, apiFails(url(server), options().build()));
      commandFails(url(server));
    }
  }

  @Test
  void aReplyThatDoesNotParseIsRefused() throws IOException {
    skipIfNotCovered("unparsable");
    String bad = unparsable();
    assumeTrue(bad != null, protocol() + ": every reply parses (content is free text)");
    try (HostileServer server = firstReply(bad)) {
      assertInstanceOf(NetException.class, apiFails(url(server), options().build()));
      commandFails(url(server));
    }
  }

  @Test
  void crLfAndNulInTheUrlAreRefusedBeforeTheyGoOut() throws IOException {
    skipIfNotCovered("unsafe");
    for (String smuggled : List.of("%0D%0AINJECTED", "%0AINJECTED", "%00INJECTED")) {
      // A server that plays along (the STARTTLS script's answers where there is one), so that a
      // client that let the smuggled text through would get as far as sending it.
      Starttls polite = starttls();
      try (HostileServer server = polite != null
          ? HostileServer.converse(greeting(), polite::answer)
          : HostileServer.start(Behaviour.ANSWER, greeting(), null, okLine())) {
        String url = url(protocol().schemes().get(0), server, unsafePath(smuggled));
        Throwable thrown = apiFails(url, options().build());
        assertTrue(thrown instanceof UnsafeArgumentException || thrown instanceof NetException
            || thrown instanceof IllegalArgumentException, () -> smuggled + ": " + thrown);
        commandFails(url);
        assertNothingSmuggled(server);
      }
    }
  }

  @Test
  void aSelfSignedCertificateFailsByDefault() throws Exception {
    skipIfNotCovered("tls");
    String tlsScheme = protocol().schemes().stream().filter(Protocol::isTlsScheme).findFirst().orElse(null);
    assumeTrue(tlsScheme != null, protocol() + " has no implicit-TLS scheme");
    SSLContext context = SelfSigned.context();
    try (HostileServer server =
        HostileServer.startTls(Behaviour.ANSWER, greeting(), afterRequest(), okLine(), context)) {
      String url = url(tlsScheme, server, path());
      assertInstanceOf(NetTlsException.class, apiFails(url, options().build()));
      Cli.Result r = commandFails(url);
      assertTrue(r.code() == 60 || r.code() == 35, r::toString);
      assertNothingSmuggled(server);
    }
  }

  /** STARTTLS scripts: how the server answers; null when the protocol has no STARTTLS. */
  interface Starttls {
    /** True for the client's STARTTLS (STLS, AUTH TLS) line. */
    boolean isStarttls(String line);

    /** The go-ahead for that line. */
    String goAhead(String line);

    /** A refusal for that line. */
    String refusal(String line);

    /** The answer to any other line (capabilities that offer STARTTLS, OK otherwise). */
    String answer(String line);
  }

  Starttls starttls() {
    return null;
  }

  private static final java.util.regex.Pattern CREDENTIAL_COMMAND = java.util.regex.Pattern.compile(
      "(?i)^(\\S+ )?(AUTH(?! TLS)(?! SSL)|AUTHINFO|USER|PASS|LOGIN|APOP)\\b.*");

  @Test
  void aRefusedStarttlsFailsBeforeAnyCredential() throws IOException {
    starttlsCase(s -> line -> s.isStarttls(line) ? s.refusal(line) : s.answer(line), true);
  }

  @Test
  void plaintextInjectedAfterTheStarttlsGoAheadFailsBeforeAnyCredential() throws IOException {
    starttlsCase(s -> line -> s.isStarttls(line) ? s.goAhead(line) + okLine() + okLine() : s.answer(line), false);
  }

  @Test
  void aFailedTlsHandshakeAfterTheGoAheadFailsBeforeAnyCredential() throws IOException {
    starttlsCase(s -> line -> s.isStarttls(line) ? s.goAhead(line) + GARBAGE : s.answer(line), false);
  }

  /** {@code refused}: the server refuses STARTTLS, which must be the required-TLS failure (curl's 64). */
  private void starttlsCase(
      java.util.function.Function<Starttls, java.util.function.Function<String, String>> script, boolean refused)
      throws IOException {
    Starttls s = starttls();
    assumeTrue(s != null, protocol() + " has no STARTTLS");
    try (HostileServer server = HostileServer.converse(greeting(), script.apply(s))) {
      NetOptions o = options().tlsMode(io.netkit.core.TlsMode.STARTTLS_REQUIRED).build();
      Throwable thrown = apiFails(url(server), o);
      assertInstanceOf((Class<? extends Throwable>) (refused ? io.netkit.core.NetTlsRequiredException.class : NetException.class), (Object) thrown, thrown::toString);
      assertNoCredential(server);
    }
    try (HostileServer server = HostileServer.converse(greeting(), script.apply(s))) {
      Cli.Result r = commandFails(url(server), "--tls", "required");
      if (refused) {
        assertEquals(64, r.code(), r::toString);
      }
      assertNoCredential(server);
    }
  }

  void assertNoCredential(HostileServer server) {
    for (String line : server.clientLines()) {
      assertTrue(!CREDENTIAL_COMMAND.matcher(line).matches() && !line.contains("pw")
          && !line.contains("YgBwdw") && !line.contains("cHc="),
          () -> "a credential went out: " + server.clientLines());
    }
  }

  @Test
  void aCertificateForAnotherNameFailsEvenWhenTrusted() throws Exception {
    badCertificate(SelfSigned.Kind.OTHER_NAME);
  }

  @Test
  void anExpiredCertificateFailsEvenWhenTrusted() throws Exception {
    badCertificate(SelfSigned.Kind.EXPIRED);
  }

  @Test
  void anExpiredSelfSignedCertificateFailsEvenWhenTrustedAsItself() throws Exception {
    // The JDK's validator never checks a trust anchor's dates; netkit's trust does, as OpenSSL.
    Cli.Result r = badCertificate(SelfSigned.Kind.EXPIRED_SELF_SIGNED);
    assertEquals(60, r.code(), r::toString);
    assertTrue(r.stderr().contains("expired"), r::toString);
  }

  private Cli.Result badCertificate(SelfSigned.Kind kind) throws Exception {
    skipIfNotCovered("tls");
    String tlsScheme = protocol().schemes().stream().filter(Protocol::isTlsScheme).findFirst().orElse(null);
    assumeTrue(tlsScheme != null, protocol() + " has no implicit-TLS scheme");
    try (HostileServer server = HostileServer.startTls(
        Behaviour.ANSWER, greeting(), afterRequest(), okLine(), SelfSigned.context(kind))) {
      String url = url(tlsScheme, server, path());
      NetOptions o = options().trust(io.netkit.core.Trust.pemFile(SelfSigned.pem(kind))).build();
      assertInstanceOf(NetTlsException.class, apiFails(url, o));
      Cli.Result r = commandFails(url, "--cacert", SelfSigned.pem(kind).toString());
      assertTrue(r.code() == 60 || r.code() == 35, r::toString);
      assertNothingSmuggled(server);
      return r;
    }
  }

  /** Where the smuggled text goes in the path; protocols override for their own path shape. */
  String unsafePath(String smuggled) {
    return path() + smuggled;
  }

  void assertNothingSmuggled(HostileServer server) {
    for (String line : server.clientLines()) {
      assertTrue(!line.contains("INJECTED") && !line.contains("pw"), () -> "the server got: " + line);
    }
  }

  void skipIfNotCovered(String testCase) {
    String reason = notCovered(testCase);
    assumeTrue(reason == null, () -> protocol() + ", " + testCase + ": " + reason);
  }

  static NetOptions.Builder options() {
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(3));
  }

  /** Runs the API operation, which must fail within the bound; returns what it threw. */
  Throwable apiFails(String url, NetOptions options) {
    return assertTimeoutPreemptively(BOUND, () -> {
      try {
        api(URI.create(url), options);
      } catch (IOException | RuntimeException e) {
        return e;
      }
      return fail("the API reported success against a hostile server: " + url);
    });
  }

  /** Runs the command, which must fail within the bound, with one line on stderr. */
  Cli.Result commandFails(String url, String... extra) {
    List<String> args = new ArrayList<>(command(url));
    args.addAll(1, List.of("--connect-timeout", "3"));
    if (!List.of(extra).contains("--timeout")) {
      args.addAll(1, List.of("--timeout", "3"));
    }
    args.addAll(1, List.of(extra));
    Cli.Result r = assertTimeoutPreemptively(BOUND, () -> Cli.run(
        new ByteArrayInputStream("Subject: s\n\nbody\n".getBytes(StandardCharsets.UTF_8)), false,
        args.toArray(String[]::new)));
    assertNotEquals(0, r.code(), r::toString);
    assertEquals(1, r.stderr().strip().lines().count(), r::toString);
    return r;
  }
}
