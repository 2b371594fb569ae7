package io.netkit.pop3.internal;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.NetProtocolException;
import io.netkit.pop3.Pop3Capabilities;
import io.netkit.pop3.Pop3Login;
import io.netkit.pop3.Pop3Options;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs in on a {@link Session} as {@link Pop3Login} says: SASL PLAIN, SASL XOAUTH2, APOP or
 * USER/PASS. Secrets go only onto the wire (the trace masks them) and never into messages.
 */
public final class Authenticator {
  /** RFC 2449: a command line is at most 255 octets; a longer initial response waits for "+". */
  private static final int MAX_COMMAND = 255;
  /** The APOP timestamp: a msg-id in angle brackets, {@code <process.clock@host>}. */
  private static final Pattern TIMESTAMP = Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d\\x3f-\\x7e]+>");

  private final Session session;
  private final Pop3Options options;

  /** Logs in on {@code session}. */
  public Authenticator(Session session, Pop3Options options) {
    this.session = session;
    this.options = options;
  }

  /** The APOP timestamp in a greeting's text, if there is one. */
  public static Optional<String> timestamp(String greeting) {
    Matcher m = TIMESTAMP.matcher(greeting);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  /**
   * Logs in with {@code credentials}, choosing the mechanism from {@code login}, the capabilities
   * and the greeting.
   *
   * @throws NetAuthenticationException when the credentials are refused or the chosen mechanism
   *     is not offered
   */
  public void login(Credentials credentials, Pop3Capabilities capabilities, String greeting)
      throws IOException {
    Optional<String> timestamp = timestamp(greeting);
    Pop3Login how = choose(options.login(), capabilities, timestamp.isPresent(), credentials.user());
    switch (how) {
      case SASL_PLAIN -> sasl("PLAIN", credentials.user(), plain(credentials));
      case XOAUTH2 -> sasl("XOAUTH2", credentials.user(), xoauth2(credentials));
      case APOP -> apop(credentials, timestamp.orElseThrow());
      default -> userPass(credentials);
    }
  }

  private Pop3Login choose(Pop3Login wanted, Pop3Capabilities caps, boolean hasTimestamp, String user)
      throws NetAuthenticationException {
    switch (wanted) {
      case SASL_PLAIN, XOAUTH2 -> {
        String mechanism = wanted == Pop3Login.SASL_PLAIN ? "PLAIN" : "XOAUTH2";
        // A server without CAPA may still know AUTH: try rather than refuse.
        if (caps.known() && !caps.saslMechanisms().contains(mechanism)) {
          throw notOffered(user, "SASL " + mechanism + " (it offers " + offered(caps, hasTimestamp) + ")");
        }
        return wanted;
      }
      case APOP -> {
        if (!hasTimestamp) {
          throw notOffered(user, "APOP (its greeting has no timestamp)");
        }
        return wanted;
      }
      case USER_PASS -> {
        return wanted;
      }
      default -> {
        if (caps.saslMechanisms().contains("PLAIN")) {
          return Pop3Login.SASL_PLAIN;
        }
        if (options.allowApop() && hasTimestamp) {
          return Pop3Login.APOP;
        }
        return Pop3Login.USER_PASS;
      }
    }
  }

  private static String offered(Pop3Capabilities caps, boolean hasTimestamp) {
    StringBuilder what = new StringBuilder();
    caps.saslMechanisms().forEach(m -> what.append(what.length() == 0 ? "" : ", ").append("SASL ").append(m));
    if (hasTimestamp) {
      what.append(what.length() == 0 ? "" : ", ").append("APOP");
    }
    if (caps.has("USER")) {
      what.append(what.length() == 0 ? "" : ", ").append("USER/PASS");
    }
    return what.length() == 0 ? "nothing it lists" : what.toString();
  }

  private NetAuthenticationException notOffered(String user, String mechanism) {
    return new NetAuthenticationException(
        session.context(), "cannot log in as " + user + ": the server does not offer " + mechanism, -1, null);
  }

  private static String plain(Credentials c) {
    return base64("\0" + c.user() + "\0" + c.password());
  }

  private static String xoauth2(Credentials c) {
    return base64("user=" + c.user() + "\u0001auth=Bearer " + c.password() + "\u0001\u0001");
  }

  private void sasl(String mechanism, String user, String response) throws IOException {
    String command = "AUTH " + mechanism;
    Status status;
    if (command.length() + 1 + response.length() <= MAX_COMMAND) {
      status = session.command(command + " " + response);
    } else {
      status = session.command(command);
      if (status.kind() == Status.Kind.CONTINUE) {
        status = session.command(response);
      }
    }
    if (status.kind() == Status.Kind.CONTINUE) {
      // A challenge after the response is the server's error report (XOAUTH2 sends a JSON one):
      // answer with an empty line (XOAUTH2) or "*" (cancel) to get the final -ERR.
      status = session.command(mechanism.equals("XOAUTH2") ? "" : "*");
    }
    finish(status, user, "SASL " + mechanism);
  }

  private void apop(Credentials c, String timestamp) throws IOException {
    UnsafeCheck.user(c.user());
    String digest = HexFormat.of().formatHex(md5(timestamp + c.password()));
    finish(session.command("APOP " + c.user() + " " + digest), c.user(), "APOP");
  }

  private void userPass(Credentials c) throws IOException {
    UnsafeCheck.user(c.user());
    Status user = session.command("USER " + c.user());
    if (!user.ok()) {
      finish(user, c.user(), "USER/PASS");
    }
    finish(session.command("PASS " + c.password()), c.user(), "USER/PASS");
  }

  private void finish(Status status, String user, String how) throws NetException {
    if (status.kind() == Status.Kind.CONTINUE) {
      throw new NetProtocolException(session.context(), how + ": unexpected continuation from the server");
    }
    if (!status.ok()) {
      throw Failures.loginRefused(session.context(), status, user, how);
    }
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] md5(String text) {
    try {
      return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }

  /** A user name with a space would shift APOP's and USER's arguments. */
  private static final class UnsafeCheck {
    static void user(String user) {
      if (user.isEmpty() || user.indexOf(' ') >= 0) {
        throw new IllegalArgumentException("a POP3 user name must be non-empty and have no spaces");
      }
    }
  }
}
