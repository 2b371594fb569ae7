package io.netkit.testkit.nntp;

import io.netkit.core.Credentials;
import io.netkit.testkit.MockConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * AUTHINFO USER/PASS and SASL PLAIN for one {@link NntpMockServer} session, against the server's
 * account. Confined to its session's thread.
 */
final class NntpAuthentication {
  private final NntpMockServer server;
  private final MockConnection connection;
  private final NntpReplies replies;
  private boolean authenticated;
  private String pendingUser;

  NntpAuthentication(NntpMockServer server, MockConnection connection, NntpReplies replies) {
    this.server = server;
    this.connection = connection;
    this.replies = replies;
  }

  /** True once the client has logged in. */
  boolean authenticated() {
    return authenticated;
  }

  /** Answers AUTHINFO {@code w}; {@code tls} and {@code legacy} are the session's state. */
  void authinfo(String[] w, boolean tls, boolean legacy) throws IOException {
    Optional<Credentials> account = server.accountSetting();
    if (account.isEmpty() || legacy && w.length > 1 && w[1].equalsIgnoreCase("SASL")) {
      replies.reply(502, "no authentication here");
      return;
    }
    if (server.requiresTlsForAuth() && !tls) {
      replies.reply(483, "TLS required before AUTHINFO");
      return;
    }
    if (authenticated) {
      replies.reply(502, "already authenticated");
      return;
    }
    String sub = w.length > 1 ? w[1].toUpperCase(Locale.ROOT) : "";
    switch (sub) {
      case "USER" -> {
        if (!server.offersUserPass()) {
          replies.reply(502, "AUTHINFO USER not offered: use AUTHINFO SASL PLAIN");
          return;
        }
        pendingUser = w.length > 2 ? w[2] : "";
        replies.reply(381, "password required");
      }
      case "PASS" -> {
        if (pendingUser == null) {
          replies.reply(482, "AUTHINFO USER first");
          return;
        }
        String password = w.length > 2 ? String.join(" ", java.util.Arrays.copyOfRange(w, 2, w.length)) : "";
        login(pendingUser, password, account.get());
        pendingUser = null;
      }
      case "SASL" -> sasl(w, account.get());
      default -> replies.reply(501, "AUTHINFO USER, PASS or SASL");
    }
  }

  private void sasl(String[] w, Credentials account) throws IOException {
    if (w.length < 3 || !w[2].equalsIgnoreCase("PLAIN")) {
      replies.reply(503, "only SASL PLAIN");
      return;
    }
    String response = w.length > 3 ? w[3] : null;
    if (response == null) {
      replies.reply(383, "");
      replies.flush();
      response = connection.readLine();
      server.record(response == null ? "" : response);
      if (response == null || response.equals("*")) {
        replies.reply(481, "cancelled");
        return;
      }
    }
    String[] parts;
    try {
      parts = new String(Base64.getDecoder().decode(response.strip()), StandardCharsets.UTF_8).split("\0", -1);
    } catch (IllegalArgumentException e) {
      replies.reply(504, "bad base64");
      return;
    }
    if (parts.length != 3) {
      replies.reply(482, "malformed PLAIN response");
      return;
    }
    login(parts[1], parts[2], account);
  }

  private void login(String user, String password, Credentials account) throws IOException {
    if (user.equals(account.user()) && password.equals(account.password())) {
      authenticated = true;
      replies.reply(281, "authentication accepted");
    } else {
      replies.reply(481, "authentication failed");
    }
  }
}
