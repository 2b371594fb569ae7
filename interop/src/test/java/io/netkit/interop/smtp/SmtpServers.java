package io.netkit.interop.smtp;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.interop.RealServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real Postfix (delivering into the Maildir Dovecot serves) from {@code
 * scripts/servers/parts/mail.sh}, as servers.env describes it, for the SMTP interop tests: port
 * 25-style SMTP with STARTTLS offered, one without STARTTLS, submission (STARTTLS and AUTH
 * required) and implicit TLS. Tests mark their messages with a unique subject, find the delivered
 * file by it and delete only that file.
 */
final class SmtpServers {
  final RealServers servers = RealServers.load();

  SmtpServers() {
    servers.requireReachable("MAIL_HOST", "SMTP_PORT");
  }

  Endpoint at(String portKey) {
    servers.requireReachable("MAIL_HOST", portKey);
    return Endpoint.of(servers.require("MAIL_HOST"), servers.port(portKey));
  }

  Credentials credentials() {
    return new Credentials(servers.require("MAIL_USER"), servers.require("MAIL_PASS"));
  }

  String address() {
    return servers.require("MAIL_ADDRESS");
  }

  Path maildir() {
    return servers.path("MAILDIR");
  }

  NetOptions.Builder options(TlsMode mode) throws IOException {
    return NetOptions.builder()
        .tlsMode(mode)
        .trust(Trust.pemFile(servers.path("CA_PEM")))
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60));
  }

  /**
   * Waits (up to {@code limit}) for the delivered file whose first 64 KiB contain {@code
   * marker}, in new/ or cur/.
   */
  Path delivered(String marker, Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<Path> found = find(marker);
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no message with " + marker + " delivered to " + maildir() + " within " + limit);
      }
      Thread.sleep(200);
    }
  }

  private Optional<Path> find(String marker) throws IOException {
    for (String sub : new String[] {"new", "cur"}) {
      try (Stream<Path> files = Files.list(maildir().resolve(sub))) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (head(file).contains(marker)) {
            return Optional.of(file);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String head(Path file) {
    try (var in = Files.newInputStream(file)) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
    } catch (IOException vanished) {
      return ""; // Dovecot may have moved it from new/ to cur/: found on the next look
    }
  }
}
