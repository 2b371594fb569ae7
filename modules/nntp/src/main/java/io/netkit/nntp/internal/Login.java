package io.netkit.nntp.internal;

import io.netkit.core.Credentials;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.line.Reply;
import io.netkit.nntp.NntpCapabilities;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * AUTHINFO (RFC 4643): USER/PASS when the server lists {@code AUTHINFO USER} (or lists no
 * capabilities), otherwise SASL PLAIN when it lists {@code AUTHINFO SASL} and {@code SASL PLAIN}.
 * USER/PASS comes first because servers back the two with different account stores: INN checks
 * AUTHINFO USER against readers.conf (ckpasswd, PAM, ...) but SASL against Cyrus SASL's own
 * database, so an account that works with USER/PASS is "user not found" for SASL PLAIN. Both send
 * the same secret, so neither is weaker. A refusal is a {@link NetAuthenticationException} that
 * names the user, never the password (the trace masks it too: see {@link
 * io.netkit.core.trace.TraceMasker#authExchanges()}). Stateless.
 */
public final class Login {
  private Login() {}

  /**
   * True when {@code capabilities} offer a way to log in now: AUTHINFO USER, SASL PLAIN, or no
   * capabilities at all (an old server, which may still take AUTHINFO USER).
   */
  public static boolean offered(NntpCapabilities capabilities) {
    return capabilities.isEmpty() || capabilities.has("AUTHINFO", "USER") || saslPlain(capabilities);
  }

  private static boolean saslPlain(NntpCapabilities capabilities) {
    return capabilities.has("AUTHINFO", "SASL") && capabilities.has("SASL", "PLAIN");
  }

  /** Logs in with {@code credentials}, as {@code capabilities} allow (USER/PASS when unsure). */
  public static void authenticate(Wire wire, Credentials credentials, NntpCapabilities capabilities)
      throws IOException {
    boolean user = capabilities.isEmpty() || capabilities.has("AUTHINFO", "USER");
    if (!user && saslPlain(capabilities)) {
      saslPlain(wire, credentials);
    } else {
      userPass(wire, credentials);
    }
  }

  private static void userPass(Wire wire, Credentials credentials) throws IOException {
    Reply user = wire.exchange("AUTHINFO USER " + credentials.user());
    if (user.code() == 281) {
      return; // no password needed for this user
    }
    if (user.code() != 381) {
      throw refused(wire, user, credentials, "AUTHINFO USER");
    }
    Reply pass = wire.exchange("AUTHINFO PASS " + credentials.password());
    if (pass.code() != 281) {
      throw refused(wire, pass, credentials, "AUTHINFO PASS");
    }
  }

  private static void saslPlain(Wire wire, Credentials credentials) throws IOException {
    byte[] message =
        ("\0" + credentials.user() + "\0" + credentials.password()).getBytes(StandardCharsets.UTF_8);
    String response = Base64.getEncoder().encodeToString(message);
    String command = "AUTHINFO SASL PLAIN";
    boolean initial = command.length() + 1 + response.length() <= Arguments.MAX_COMMAND;
    Reply reply = wire.exchange(initial ? command + " " + response : command);
    if (reply.code() == 383) {
      // The server asks for the response (or, after an initial one, sends a challenge PLAIN has
      // no answer for: cancel then).
      reply = wire.exchange(initial ? "*" : response);
    }
    if (reply.code() != 281 && reply.code() != 283) {
      throw refused(wire, reply, credentials, "AUTHINFO SASL PLAIN");
    }
  }

  private static NetException refused(Wire wire, Reply reply, Credentials credentials, String step) {
    int code = reply.code();
    if (code == 483) {
      return Refusals.of(wire.context(), reply, step);
    }
    String why =
        switch (code) {
          case 481 -> "the server rejected user " + credentials.user() + " or its password";
          case 482 -> "the server says the authentication commands came out of sequence";
          case 502 -> "the server does not permit authentication now";
          default -> "authentication as " + credentials.user() + " failed";
        };
    return new NetAuthenticationException(
        wire.context(), why + " (" + step + ": " + reply.code() + " " + reply.firstLine() + ")", code, reply.firstLine());
  }
}
