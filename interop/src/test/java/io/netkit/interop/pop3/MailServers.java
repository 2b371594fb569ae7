package io.netkit.interop.pop3;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.interop.Digests;
import io.netkit.interop.RealServers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The real Dovecot (and Postfix) from {@code scripts/servers/parts/mail.sh}, as servers.env
 * describes it, for the POP3 interop tests. The tests use the POP3 tests' own mailbox ({@code
 * POP3_USER}, {@code POP3_MAILDIR}), so they never disturb the SMTP and IMAP tests' mailboxes.
 * Messages are seeded by writing Maildir files directly (owned by {@code MAIL_SYS_USER}), named
 * with their size ({@code ,S=}, {@code ,W=}) so Dovecot need not read them to know it.
 */
final class MailServers {
  final RealServers servers = RealServers.load();

  MailServers() {
    servers.requireReachable("MAIL_HOST", "POP3_PORT");
  }

  Endpoint pop3() {
    return Endpoint.of(servers.require("MAIL_HOST"), servers.port("POP3_PORT"));
  }

  Endpoint pop3s() {
    return Endpoint.of(servers.require("MAIL_HOST"), servers.port("POP3S_PORT"));
  }

  Credentials credentials() {
    return new Credentials(servers.require("POP3_USER"), servers.require("POP3_PASS"));
  }

  Path maildir() {
    return servers.path("POP3_MAILDIR");
  }

  NetOptions.Builder options(TlsMode mode) throws IOException {
    return NetOptions.builder()
        .tlsMode(mode)
        .trust(Trust.pemFile(servers.path("CA_PEM")))
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30));
  }

  /** Removes every message from the mailbox (Dovecot notices on its next session). */
  void empty() throws IOException {
    for (String sub : new String[] {"new", "cur"}) {
      try (Stream<Path> files = Files.list(maildir().resolve(sub))) {
        for (Path file : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** Writes {@code message} (CRLF line ends) into new/ and returns its SHA-256. */
  String seed(byte[] message) throws IOException {
    return seed(out -> out.write(message), message.length);
  }

  /** A writer of a message's bytes. */
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Writes a message of {@code size} bytes with {@code writer} into new/; returns its SHA-256. */
  String seed(Writer writer, long size) throws IOException {
    String unique = System.currentTimeMillis() / 1000 + ".netkit" + UUID.randomUUID().toString().replace("-", "")
        + ".vm,S=" + size + ",W=" + size;
    Path tmp = maildir().resolve("tmp").resolve(unique);
    Digests.Sha256Sink hash = new Digests.Sha256Sink();
    try (OutputStream file = Files.newOutputStream(tmp)) {
      OutputStream both = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          file.write(b);
          hash.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          file.write(b, off, len);
          hash.write(b, off, len);
        }
      };
      writer.write(both);
    }
    if (Files.size(tmp) != size) {
      throw new IllegalStateException("seeded " + Files.size(tmp) + " bytes, not " + size);
    }
    UserPrincipalLookupService users = tmp.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal owner = users.lookupPrincipalByName(servers.require("MAIL_SYS_USER"));
    Files.setOwner(tmp, owner);
    Files.move(tmp, maildir().resolve("new").resolve(unique));
    return hash.hex();
  }

  /** How many message files the Maildir holds (new/ and cur/). */
  long files() throws IOException {
    long n = 0;
    for (String sub : new String[] {"new", "cur"}) {
      try (Stream<Path> files = Files.list(maildir().resolve(sub))) {
        n += files.count();
      }
    }
    return n;
  }
}
