package io.netkit.cli.hostile;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Server certificates that must fail, made with the JDK's keytool (this module has no
 * certificate library) once per kind: self-signed for 127.0.0.1 (no trust store accepts it),
 * self-signed and expired (trusted as itself, so only its own dates can fail), and two issued by
 * a test CA that the client is told to trust ({@link #pem} is that CA): one for another name and
 * one expired.
 */
final class SelfSigned {
  /** What is wrong with the certificate. */
  enum Kind {
    SELF_SIGNED("SAN=ip:127.0.0.1,dns:localhost", null),
    OTHER_NAME("SAN=dns:other.example", null),
    EXPIRED("SAN=ip:127.0.0.1,dns:localhost", "-3d"),
    /** Self-signed and expired, trusted as itself ({@link #pem} is the certificate). */
    EXPIRED_SELF_SIGNED("SAN=ip:127.0.0.1,dns:localhost", "-3d"),
    /** The control: issued by the same CA, for 127.0.0.1, valid now. */
    GOOD("SAN=ip:127.0.0.1,dns:localhost", null);

    final String san;
    final String startDate;

    Kind(String san, String startDate) {
      this.san = san;
      this.startDate = startDate;
    }
  }

  private record Made(SSLContext context, Path pem) {}

  private static final Map<Kind, Made> MADE = new ConcurrentHashMap<>();

  private SelfSigned() {}

  /** The self-signed server context. */
  static SSLContext context() throws Exception {
    return context(Kind.SELF_SIGNED);
  }

  static SSLContext context(Kind kind) throws Exception {
    return made(kind).context();
  }

  /** What to trust as a PEM file (the issuing CA), so that only the name or the dates can fail. */
  static Path pem(Kind kind) throws Exception {
    return made(kind).pem();
  }

  private static synchronized Made made(Kind kind) throws Exception {
    Made m = MADE.get(kind);
    if (m == null) {
      m = make(kind);
      MADE.put(kind, m);
    }
    return m;
  }

  private static Made make(Kind kind) throws Exception {
    Path dir = Files.createTempDirectory("netkit-cert");
    dir.toFile().deleteOnExit();
    Path store = dir.resolve("server.p12");
    boolean selfSigned = kind == Kind.SELF_SIGNED || kind == Kind.EXPIRED_SELF_SIGNED;
    Path pem = dir.resolve(selfSigned ? "server.pem" : "ca.pem");
    List<String> gen = new ArrayList<>(List.of("-genkeypair", "-alias", "server", "-keyalg", "EC",
        "-dname", "CN=netkit hostile test", "-ext", kind.san, "-validity", selfSigned ? "1" : "2"));
    if (selfSigned && kind.startDate != null) {
      gen.addAll(List.of("-startdate", kind.startDate));
    }
    keytool(store, gen);
    if (selfSigned) {
      keytool(store, List.of("-exportcert", "-rfc", "-alias", "server", "-file", pem.toString()));
    } else {
      // A CA the client trusts issues the bad leaf, so that only the leaf's name or dates can fail.
      Path ca = dir.resolve("ca.p12");
      Path request = dir.resolve("server.csr");
      Path leaf = dir.resolve("leaf.pem");
      keytool(ca, List.of("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=netkit test CA",
          "-ext", "bc:c", "-validity", "2"));
      keytool(ca, List.of("-exportcert", "-rfc", "-alias", "ca", "-file", pem.toString()));
      keytool(store, List.of("-certreq", "-alias", "server", "-file", request.toString()));
      List<String> issue = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-infile", request.toString(),
          "-outfile", leaf.toString(), "-rfc", "-ext", kind.san, "-validity", "1"));
      if (kind.startDate != null) {
        issue.addAll(List.of("-startdate", kind.startDate));
      }
      keytool(ca, issue);
      keytool(store, List.of("-importcert", "-noprompt", "-alias", "ca", "-file", pem.toString()));
      keytool(store, List.of("-importcert", "-noprompt", "-alias", "server", "-file", leaf.toString()));
      for (Path p : List.of(ca, request, leaf)) {
        Files.deleteIfExists(p);
      }
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext c = SSLContext.getInstance("TLS");
    c.init(kmf.getKeyManagers(), null, null);
    Files.delete(store);
    pem.toFile().deleteOnExit();
    return new Made(c, pem);
  }

  private static void keytool(Path store, List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(keytool());
    command.addAll(args);
    command.addAll(List.of("-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit"));
    run(command);
  }

  private static String keytool() {
    return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
  }
}
