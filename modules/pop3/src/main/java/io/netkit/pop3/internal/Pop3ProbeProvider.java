package io.netkit.pop3.internal;

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
 * POP3's part of {@code netkit probe}: the {@code +OK} greeting, CAPA (RFC 2449), STLS and CAPA
 * inside TLS, and the login mechanisms: {@code USER}, the SASL names, and {@code APOP} when the
 * greeting carries a timestamp. Spoken on the core's connection directly. Stateless and
 * thread-safe.
 */
public final class Pop3ProbeProvider implements ProbeProvider {
  /** More CAPA lines than any server sends: a bound against a flooding one. */
  private static final int MAX_CAPABILITIES = 1000;

  @Override
  public Protocol protocol() {
    return Protocol.POP3;
  }

  @Override
  public void probe(ProbeSession session) throws IOException {
    TcpConnection c = session.connection();
    String greeting = status(c);
    session.greeting(greeting);
    boolean apop = greeting.matches(".*<[^<>]+@[^<>]+>.*");
    List<String> capabilities = capa(session, c, apop);
    if (session.startTlsOffered(has(capabilities, "STLS"))) {
      c.writeLine("STLS");
      String go = c.readLine();
      if (go != null && go.startsWith("+OK")) {
        session.upgrade();
        c = session.connection();
        capa(session, c, apop);
      } else {
        session.startTlsRefused(String.valueOf(go));
      }
    }
    c.writeLine("QUIT");
    c.readLine();
  }

  private static String status(TcpConnection c) throws IOException {
    String line = c.readLine();
    if (line == null || !line.startsWith("+OK")) {
      throw new NetProtocolException(c.context(), "greeting refused: " + line);
    }
    return line;
  }

  private static List<String> capa(ProbeSession session, TcpConnection c, boolean apop)
      throws IOException {
    c.writeLine("CAPA");
    String first = c.readLine();
    if (first == null) {
      throw new NetProtocolException(c.context(), "connection closed after CAPA");
    }
    List<String> capabilities = new ArrayList<>();
    if (first.startsWith("+OK")) {
      for (String line = c.readLine(); !".".equals(line); line = c.readLine()) {
        if (line == null) {
          throw new io.netkit.core.NetTruncatedException(c.context(), "connection closed before the end of the CAPA list");
        }
        if (capabilities.size() >= MAX_CAPABILITIES) {
          throw new NetProtocolException(c.context(), "CAPA list longer than " + MAX_CAPABILITIES + " lines");
        }
        capabilities.add(line.startsWith("..") ? line.substring(1) : line);
      }
    }
    session.capabilities(capabilities);
    List<String> mechanisms = new ArrayList<>();
    if (has(capabilities, "USER") || !first.startsWith("+OK")) {
      mechanisms.add("USER"); // RFC 1939: every server without CAPA takes USER/PASS
    }
    for (String capability : capabilities) {
      String[] words = capability.trim().split("\\s+");
      if (words[0].equalsIgnoreCase("SASL")) {
        mechanisms.addAll(Arrays.asList(words).subList(1, words.length));
      }
    }
    if (apop) {
      mechanisms.add("APOP");
    }
    session.mechanisms(mechanisms);
    return capabilities;
  }

  private static boolean has(List<String> capabilities, String name) {
    return capabilities.stream()
        .anyMatch(cap -> cap.trim().split("\\s+")[0].toUpperCase(Locale.ROOT).equals(name));
  }
}
