package io.netkit.imap.internal;

import io.netkit.core.NetProtocolException;
import io.netkit.core.Protocol;
import io.netkit.core.probe.ProbeSession;
import io.netkit.core.spi.ProbeProvider;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * IMAP's part of {@code netkit probe}: the greeting, CAPABILITY, STARTTLS and CAPABILITY inside
 * TLS, and the login mechanisms: the {@code AUTH=} names and {@code LOGIN} unless {@code
 * LOGINDISABLED}. Spoken on the core's connection directly (the engine reads capabilities into
 * private state). Stateless and thread-safe.
 */
public final class ImapProbeProvider implements ProbeProvider {
  /** More untagged lines than a CAPABILITY answer needs: a bound against a flooding server. */
  private static final int MAX_LINES = 1000;

  @Override
  public Protocol protocol() {
    return Protocol.IMAP;
  }

  @Override
  public void probe(ProbeSession session) throws IOException {
    TcpConnection c = session.connection();
    String greeting = c.readLine();
    if (greeting == null
        || !(greeting.startsWith("* OK") || greeting.startsWith("* PREAUTH"))) {
      throw new NetProtocolException(c.context(), "greeting refused: " + greeting);
    }
    session.greeting(greeting);
    List<String> capabilities = capability(session, c, "p1");
    if (session.startTlsOffered(has(capabilities, "STARTTLS"))) {
      c.writeLine("p2 STARTTLS");
      String done = tagged(c, "p2", new ArrayList<>());
      if (done.startsWith("p2 OK")) {
        session.upgrade();
        c = session.connection();
        capability(session, c, "p3");
      } else {
        session.startTlsRefused(done);
      }
    }
    c.writeLine("p4 LOGOUT");
    tagged(c, "p4", new ArrayList<>());
  }

  private static List<String> capability(ProbeSession session, TcpConnection c, String tag)
      throws IOException {
    c.writeLine(tag + " CAPABILITY");
    List<String> untagged = new ArrayList<>();
    String done = tagged(c, tag, untagged);
    if (!done.startsWith(tag + " OK")) {
      throw new NetProtocolException(c.context(), "CAPABILITY refused: " + done);
    }
    List<String> capabilities = new ArrayList<>();
    for (String line : untagged) {
      if (line.toUpperCase(Locale.ROOT).startsWith("* CAPABILITY ")) {
        capabilities.addAll(Arrays.asList(line.substring(13).trim().split("\\s+")));
      }
    }
    session.capabilities(capabilities);
    // The LOGIN command and SASL's LOGIN mechanism share a name: one entry says both.
    java.util.Set<String> mechanisms = new java.util.LinkedHashSet<>();
    if (!has(capabilities, "LOGINDISABLED")) {
      mechanisms.add("LOGIN");
    }
    capabilities.stream()
        .filter(cap -> cap.toUpperCase(Locale.ROOT).startsWith("AUTH="))
        .map(cap -> cap.substring(5).toUpperCase(Locale.ROOT))
        .forEach(mechanisms::add);
    session.mechanisms(new ArrayList<>(mechanisms));
    return capabilities;
  }

  private static boolean has(List<String> capabilities, String name) {
    return capabilities.stream().anyMatch(name::equalsIgnoreCase);
  }

  /** Reads lines up to the tagged completion, collecting the untagged ones; returns the former. */
  private static String tagged(TcpConnection c, String tag, List<String> untagged)
      throws IOException {
    for (int i = 0; i < MAX_LINES; i++) {
      String line = c.readLine();
      if (line == null) {
        throw new NetProtocolException(c.context(), "connection closed before " + tag + " completed");
      }
      if (line.startsWith(tag + " ")) {
        return line;
      }
      untagged.add(line);
    }
    throw new NetProtocolException(c.context(), "more than " + MAX_LINES + " lines before " + tag + " completed");
  }
}
