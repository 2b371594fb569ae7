package io.netkit.bench;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.SmtpClient;
import io.netkit.testkit.smtp.SmtpMockServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SMTP send of a 4 KiB mail on an open connection: netkit vs Angus Mail's transport used
 * directly, both against one testkit SMTP server in this JVM (the real Postfix would deliver
 * thousands of mails into mailboxes the interop tests read).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SmtpBench {
  private static final String TEXT = "A line of the benchmark's mail, seventy-odd characters long.\r\n".repeat(64);

  SmtpMockServer server;
  SmtpClient netkit;
  Transport angus;
  Session angusSession;

  @Setup(Level.Trial)
  public void open() throws IOException, MessagingException {
    server = new SmtpMockServer();
    server.start(0);
    netkit = new SmtpClient(NetOptions.defaults());
    netkit.connect(Endpoint.of("127.0.0.1", server.port()));
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", String.valueOf(server.port()));
    p.put("mail.smtp.timeout", "30000");
    angusSession = Session.getInstance(p);
    angus = angusSession.getTransport("smtp");
    angus.connect();
  }

  @TearDown(Level.Trial)
  public void close() throws MessagingException {
    netkit.close();
    angus.close();
    server.stop();
  }

  /** Each operation is a new mail, built and sent, on both sides. */
  @Benchmark
  public Object smtpSendNetkit() throws IOException {
    return netkit.send(MailMessage.builder().from("bench@netkit.test").to("alice@netkit.test")
        .subject("bench").text(TEXT).build());
  }

  @Benchmark
  public MimeMessage smtpSendAngus() throws MessagingException {
    MimeMessage m = new MimeMessage(angusSession);
    m.setFrom(new InternetAddress("bench@netkit.test"));
    m.setRecipient(Message.RecipientType.TO, new InternetAddress("alice@netkit.test"));
    m.setSubject("bench");
    m.setText(TEXT);
    m.saveChanges();
    angus.sendMessage(m, m.getAllRecipients());
    return m;
  }
}
