package io.netkit.imap;

import io.netkit.core.NetOptions;
import io.netkit.core.trace.TraceEvent;
import io.netkit.testkit.imap.ImapMockServer;
import java.time.Duration;
import java.util.List;

/** Messages and options the IMAP tests share. */
final class ImapTestSupport {
  static final String USER = "alice";
  static final String PASSWORD = "s3cret-pw";

  static final String HELLO =
      "From: Bob Example <bob@example.org>\r\n"
          + "To: alice@example.org\r\n"
          + "Subject: Hello there\r\n"
          + "Date: Tue, 1 Dec 2026 10:00:00 +0000\r\n"
          + "Message-ID: <hello-1@example.org>\r\n"
          + "\r\n"
          + "Hello Alice, this is the body.\r\n";

  static final String REPORT =
      "From: carol@example.org\r\n"
          + "To: alice@example.org\r\n"
          + "Subject: =?UTF-8?Q?Quartalsbericht_f=C3=BCr_Q3?=\r\n"
          + "Date: Wed, 2 Dec 2026 10:00:00 +0000\r\n"
          + "MIME-Version: 1.0\r\n"
          + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
          + "\r\n"
          + "--b1\r\n"
          + "Content-Type: text/plain; charset=UTF-8\r\n"
          + "\r\n"
          + "See the attachment.\r\n"
          + "--b1\r\n"
          + "Content-Type: application/octet-stream; name=\"data.bin\"\r\n"
          + "Content-Disposition: attachment; filename=\"data.bin\"\r\n"
          + "Content-Transfer-Encoding: base64\r\n"
          + "\r\n"
          + "AAECAwQFBgcICQ==\r\n"
          + "--b1--\r\n";

  private ImapTestSupport() {}

  /** A text message of about {@code bytes} bytes, lines of 76 characters. */
  static byte[] bigMessage(int bytes) {
    StringBuilder text = new StringBuilder(
        "From: big@example.org\r\nTo: alice@example.org\r\nSubject: big one\r\n\r\n");
    int line = 0;
    while (text.length() < bytes) {
      String n = String.format("%08d", line++);
      text.append(n).append(" ").append("abcdefghijklmnopqrstuvwxyz0123456789-".repeat(2), 0, 67 - 0)
          .append("\r\n");
    }
    return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  static ImapMockServer server() {
    return new ImapMockServer(USER, PASSWORD).message(HELLO).message(REPORT);
  }

  static NetOptions.Builder options(List<TraceEvent> trace) {
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .trace(trace == null ? null : trace::add);
  }

  static ImapClient connected(ImapMockServer server, NetOptions options) throws java.io.IOException {
    ImapClient client = new ImapClient(options);
    client.connect(server.endpoint().withCredentials(server.account()));
    return client;
  }
}
