package io.netkit.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.testkit.HostileServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Servers that lie about SIZE, cut their EHLO reply, or close while the message goes out: a typed
 * exception, and never a message ended with its dot line that was not sent whole.
 */
class SmtpLyingServerTest {
  private static final NetOptions OPTIONS = NetOptions.builder()
      .connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(3)).build();

  /** A polite server offering {@code size} (an EHLO line such as "SIZE 100"); DATA is taken. */
  private static Function<String, String> offering(String size) {
    boolean[] inData = {false};
    return line -> {
      if (inData[0]) {
        if (line.equals(".")) {
          inData[0] = false;
          return "250 queued\r\n";
        }
        return "";
      }
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("EHLO")) {
        return "250-hostile\r\n250-" + size + "\r\n250 8BITMIME\r\n";
      }
      if (upper.equals("DATA")) {
        inData[0] = true;
        return "354 go on\r\n";
      }
      return upper.equals("QUIT") ? "221 bye\r\n" : "250 ok\r\n";
    };
  }

  private static MailMessage simple() {
    return MailMessage.builder().from("a@example.org").to("b@example.org").subject("s").text("body").build();
  }

  private static PreparedMessage stream(int bytes) {
    byte[] body = ("Subject: s\r\n\r\n" + "x".repeat(bytes) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    return new PreparedMessage("a@example.org", List.of("b@example.org"),
        Content.ofStream(new ByteArrayInputStream(body), -1));
  }

  @Test
  void sizeWithoutANumberNegativeOrBeyond63BitsIsNoLimit() {
    assertEquals(OptionalLong.empty(), caps("SIZE").maxSize());
    assertEquals(OptionalLong.empty(), caps("SIZE 0").maxSize());
    assertEquals(OptionalLong.empty(), caps("SIZE -5").maxSize());
    assertEquals(OptionalLong.empty(), caps("SIZE +5").maxSize());
    assertEquals(OptionalLong.empty(), caps("SIZE 12abc").maxSize());
    assertEquals(OptionalLong.empty(), caps("SIZE " + "9".repeat(21)).maxSize());
    assertEquals(OptionalLong.of(Long.MAX_VALUE), caps("SIZE 99999999999999999999").maxSize());
    assertEquals(OptionalLong.of(Long.MAX_VALUE), caps("SIZE 9223372036854775808").maxSize());
    assertEquals(OptionalLong.of(Long.MAX_VALUE), caps("SIZE 9223372036854775807").maxSize());
    assertEquals(OptionalLong.of(10240000), caps("SIZE 10240000").maxSize());
  }

  private static Capabilities caps(String line) {
    return Capabilities.parse(List.of("hostile", line));
  }

  @Test
  void aMessageIsSentWhenSizeSaysNothingUsable() throws IOException {
    for (String size : List.of("SIZE", "SIZE -1", "SIZE 99999999999999999999", "SIZE x")) {
      try (HostileServer server = HostileServer.converse("220 hostile\r\n", offering(size));
          SmtpClient smtp = new SmtpClient(OPTIONS)) {
        smtp.connect(server.endpoint());
        assertTrue(smtp.send(simple()).allAccepted(), size);
        assertTrue(server.clientLines().contains("."), size + ": " + server.clientLines());
      }
    }
  }

  @Test
  void aStreamPastTheSizeLimitIsCutNeverEnded() throws IOException {
    try (HostileServer server = HostileServer.converse("220 hostile\r\n", offering("SIZE 1000"));
        SmtpClient smtp = new SmtpClient(OPTIONS)) {
      smtp.connect(server.endpoint());
      MessageTooLargeException e = assertThrows(MessageTooLargeException.class, () -> smtp.send(stream(5000)));
      assertEquals(1000, e.limit());
      assertTrue(e.size() > 1000, e::toString);
      assertFalse(smtp.isConnected(), "the connection was cut");
      assertFalse(server.clientLines().contains("."), server.clientLines()::toString);
    }
  }

  @Test
  void aStreamWithinTheSizeLimitIsSent() throws IOException {
    try (HostileServer server = HostileServer.converse("220 hostile\r\n", offering("SIZE 1000"));
        SmtpClient smtp = new SmtpClient(OPTIONS)) {
      smtp.connect(server.endpoint());
      assertTrue(smtp.send(stream(500)).allAccepted());
      assertTrue(server.clientLines().contains("."), server.clientLines()::toString);
    }
  }

  @Test
  void anEhloReplyCutByACloseIsATypedError() throws IOException {
    try (HostileServer server = HostileServer.start(
            HostileServer.Behaviour.ONCE, "220 hostile\r\n", null, "250-hostile\r\n250-SIZE 1000\r\n");
        SmtpClient smtp = new SmtpClient(OPTIONS)) {
      assertThrows(NetException.class, () -> smtp.connect(server.endpoint()));
      assertFalse(smtp.isConnected());
    }
  }

  @Test
  void aCloseDuringDataIsATypedErrorNeverSent() throws IOException {
    for (int bytes : List.of(10, 4 << 20)) {
      Function<String, String> polite = offering("SIZE");
      boolean[] inData = {false};
      try (HostileServer server = HostileServer.converse("220 hostile\r\n", line -> {
            if (inData[0]) {
              return null; // the first line of the message: close
            }
            inData[0] = line.equalsIgnoreCase("DATA");
            return polite.apply(line);
          });
          SmtpClient smtp = new SmtpClient(OPTIONS)) {
        smtp.connect(server.endpoint());
        MailMessage m = MailMessage.builder().from("a@example.org").to("b@example.org").subject("s")
            .text("y".repeat(bytes)).build();
        NetException e = assertThrows(NetException.class, () -> smtp.send(m), () -> "bytes " + bytes);
        assertFalse(e instanceof MessageTooLargeException, e::toString);
        assertFalse(smtp.isConnected(), () -> "a cut DATA ends the session: " + e);
      }
    }
  }
}
