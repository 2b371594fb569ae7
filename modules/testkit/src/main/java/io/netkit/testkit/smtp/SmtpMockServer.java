package io.netkit.testkit.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.netkit.core.Protocol;
import io.netkit.testkit.Fault;
import io.netkit.testkit.FaultProxy;
import io.netkit.testkit.internal.GreenMailEngine;
import io.netkit.testkit.internal.ProxiedGreenMailServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An in-process SMTP server for tests: GreenMail's SMTP service on 127.0.0.1 (a free port, read
 * back from the running server), in testkit's common shape. Point a client at {@link
 * #endpoint()}, then read what arrived, envelope and content, with {@link #takeMessage(Duration)}
 * as MockWebServer's {@code takeRequest()} does.
 *
 * <pre>{@code
 * try (SmtpMockServer smtp = new SmtpMockServer()) {
 *   smtp.start();
 *   ... send to smtp.endpoint() ...
 *   ReceivedMail mail = smtp.takeMessage(Duration.ofSeconds(5));
 *   assertEquals(List.of("bob@example.org"), mail.recipients());
 * }
 * }</pre>
 *
 * <p>Without an {@link #account}, any AUTH is accepted (and none is required); with one, AUTH
 * PLAIN and LOGIN check it. GreenMail offers only AUTH and SMTPUTF8 in EHLO: no STARTTLS, no SIZE,
 * no 8BITMIME (test those against {@link ScriptedSmtpServer} or a real server). Messages are
 * kept in memory: keep them to a few MiB. Optionally each message is printed (envelope and
 * headers) to a stream and stored as an {@code .eml} file, as {@code netkit serve smtp} does.
 *
 * <p>Faults: every {@link Fault}, and the named points of {@link #proxy()}: clients reach
 * GreenMail through a {@link FaultProxy} on {@link #port()} (GreenMail itself listens on a free
 * port of its own), which misbehaves on request; a scripted conversation is {@link
 * ScriptedSmtpServer}'s job. Thread-safe.
 */
public final class SmtpMockServer extends ProxiedGreenMailServer {
  private final BlockingQueue<ReceivedMail> inbox = new LinkedBlockingQueue<>();
  private final List<ReceivedMail> all = new CopyOnWriteArrayList<>();
  private final Map<MovingMessage, Boolean> seen = Collections.synchronizedMap(new IdentityHashMap<>());
  private volatile String user;
  private volatile String password;
  private volatile Path mailDirectory;
  private volatile PrintStream printTo;

  /** A server accepting any login (or none). */
  public SmtpMockServer() {
    super(Protocol.SMTP, ServerSetup.PROTOCOL_SMTP);
  }

  /** Accepts AUTH for this account only (set before {@link #start}). */
  public SmtpMockServer account(String name, String secret) {
    user = Objects.requireNonNull(name, "name");
    password = Objects.requireNonNull(secret, "secret");
    return this;
  }

  /** Stores each received message as {@code NNNN.eml} in {@code directory} (which must exist). */
  public SmtpMockServer mailDirectory(Path directory) {
    mailDirectory = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /** Prints each received message's envelope and headers to {@code out}. */
  public SmtpMockServer printTo(PrintStream out) {
    printTo = Objects.requireNonNull(out, "out");
    return this;
  }

  @Override
  protected void configure(GreenMail engine) {
    String name = user;
    engine.withConfiguration(name != null
        ? GreenMailConfiguration.aConfig().withUser(name, name, password)
        : GreenMailConfiguration.aConfig().withDisabledAuthentication());
  }

  @Override
  protected void started(GreenMailEngine engine) {
    UserManager users = engine.getUserManager();
    MessageDeliveryHandler standard = users.getMessageDeliveryHandler();
    users.setMessageDeliveryHandler((message, recipient) -> received(standard, message, recipient));
  }

  /** Records a message at its first delivery: GreenMail delivers once per recipient. */
  private GreenMailUser received(MessageDeliveryHandler standard, MovingMessage message, MailAddress recipient)
      throws jakarta.mail.MessagingException, com.icegreen.greenmail.user.UserException {
    if (seen.put(message, Boolean.TRUE) == null) {
      List<String> recipients = new ArrayList<>();
      for (MailAddress a : message.getToAddresses()) {
        recipients.add(a.getEmail());
      }
      String sender = message.getReturnPath() == null ? "" : message.getReturnPath().getEmail();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        message.getMessage().writeTo(bytes);
      } catch (IOException e) {
        throw new jakarta.mail.MessagingException("cannot copy the received message", e);
      }
      ReceivedMail mail = new ReceivedMail(sender, recipients, bytes.toByteArray());
      all.add(mail);
      report(mail, all.size());
      inbox.add(mail);
    }
    return standard.handle(message, recipient);
  }

  private void report(ReceivedMail mail, int number) {
    PrintStream out = printTo;
    if (out != null) {
      synchronized (out) {
        out.println("--- message " + number + ": from <" + mail.sender() + "> to "
            + String.join(", ", mail.recipients().stream().map(r -> "<" + r + ">").toList())
            + ", " + mail.content().length + " bytes");
        mail.headerLines().forEach(out::println);
        out.println();
        out.flush();
      }
    }
    Path dir = mailDirectory;
    if (dir != null) {
      try {
        Files.write(dir.resolve(String.format("%04d.eml", number)), mail.content());
      } catch (IOException e) {
        if (out != null) {
          out.println("(cannot store message " + number + " in " + dir + ": " + e.getMessage() + ")");
        }
      }
    }
  }

  /** The next message received (in arrival order), waiting at most {@code timeout}; null if none came. */
  public ReceivedMail takeMessage(Duration timeout) throws InterruptedException {
    return inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Every message received since the start, in order (taken or not). */
  public List<ReceivedMail> messages() {
    return List.copyOf(all);
  }
}
