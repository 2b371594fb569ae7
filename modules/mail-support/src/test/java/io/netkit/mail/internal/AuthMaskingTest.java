package io.netkit.mail.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.testkit.smtp.ScriptedSmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No password or token, nor its base64 form, appears in the core's trace, in Angus's own logging
 * (even with every Angus logger at ALL), on stdout or stderr, or in an exception message, whatever
 * the mechanism, whether the login succeeds or fails.
 */
class AuthMaskingTest {
  private static final String USER = "alice";
  private static final String SECRET = "Sup3r-s3cret-t0ken";

  private final RecordingSink trace = new RecordingSink();
  private final List<String> logged = new ArrayList<>();
  private final Logger angus = Logger.getLogger("org.eclipse.angus.mail");
  private final Handler capture =
      new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          synchronized (logged) {
            logged.add(format.format(record));
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level before;
  private PrintStream out;
  private PrintStream err;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach
  void captureEverything() {
    before = angus.getLevel();
    angus.setLevel(Level.ALL);
    capture.setLevel(Level.ALL);
    angus.addHandler(capture);
    out = System.out;
    err = System.err;
    PrintStream both = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
  }

  @AfterEach
  void restore() {
    angus.removeHandler(capture);
    angus.setLevel(before);
    System.setOut(out);
    System.setErr(err);
  }

  /** Every form in which the secret could leak. */
  private static List<String> forbidden() {
    Base64.Encoder b64 = Base64.getEncoder();
    return List.of(
        SECRET,
        b64.encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString(("\0" + USER + "\0" + SECRET).getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString((USER + "\0" + USER + "\0" + SECRET).getBytes(StandardCharsets.UTF_8)),
        b64.encodeToString(("user=" + USER + "\1auth=Bearer " + SECRET + "\1\1").getBytes(StandardCharsets.UTF_8)),
        // A chunk from the middle of each base64 form: no partial leak either.
        b64.encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)).substring(4, 16));
  }

  private void assertNoLeak(String where, String text) {
    for (String secret : forbidden()) {
      assertFalse(text.contains(secret), where + " leaks '" + secret + "':\n" + text);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PLAIN", "LOGIN", "XOAUTH2"})
  void secretsNeverLeakOnSuccessOrFailure(String mechanism) throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.builder().startTls(TestTls.serverContext()).account(USER, SECRET).start()) {
      NetOptions options =
          NetOptions.builder()
              .tlsMode(TlsMode.STARTTLS_REQUIRED)
              .trust(TestTls.trust())
              .readTimeout(Duration.ofSeconds(5))
              .trace(trace)
              .build();
      MailSession mail = MailSessions.open(MailProtocol.SMTP, options, Map.of("auth.mechanisms", mechanism));
      Transport good = mail.session().getTransport(mail.providerName());
      good.connect("127.0.0.1", server.port(), USER, SECRET);
      good.close();

      Transport bad = mail.session().getTransport(mail.providerName());
      String wrong = SECRET + "-wrong";
      MessagingException e =
          assertThrows(MessagingException.class, () -> bad.connect("127.0.0.1", server.port(), USER, wrong));
      NetException net = MailFailures.translate(new ErrorContext("smtp", "127.0.0.1:" + server.port()), e, "connecting");
      assertInstanceOf(NetAuthenticationException.class, net, net.toString());
      assertTrue(net.replyCode().isPresent(), net.toString());

      StringWriter stack = new StringWriter();
      net.printStackTrace(new PrintWriter(stack));
      e.printStackTrace(new PrintWriter(stack));
      assertNoLeak("the trace", trace.all());
      assertTrue(trace.sent().stream().anyMatch(l -> l.startsWith("AUTH " + mechanism)), trace.all());
      synchronized (logged) {
        assertFalse(logged.isEmpty(), "Angus logged nothing: the check below would prove nothing");
        assertNoLeak("Angus's logging", String.join("\n", logged));
      }
      assertNoLeak("the console", console.toString(StandardCharsets.UTF_8));
      assertNoLeak("the exceptions", stack.toString());
      assertFalse(stack.toString().contains(wrong), stack.toString());
    }
  }
}
