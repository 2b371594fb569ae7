package io.netkit.imap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A one-connection IMAP server for hostile cases no real server produces: it greets, then answers
 * each command line with what {@code answer} returns for (tag, command line); null means stay
 * silent, and an answer ending with {@link #CLOSE} is sent (without the marker) and the
 * connection closed. Records the lines received.
 */
final class ScriptedImapServer implements AutoCloseable {
  /** Ends an answer after which the server closes the connection. */
  static final String CLOSE = "\u0000CLOSE";

  private final ServerSocket socket;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Thread thread;

  ScriptedImapServer(String greeting, BiFunction<String, String, String> answer) throws IOException {
    socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(greeting, answer), "scripted-imap");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<String> received() {
    return List.copyOf(received);
  }

  /** A partial fetch's {@code <from.count>}. */
  private static final java.util.regex.Pattern PARTIAL =
      java.util.regex.Pattern.compile("<([0-9]+)\\.([0-9]+)>");

  /**
   * The answer to EXAMINE or SELECT of a mailbox holding one message (UID 1, UIDVALIDITY 7), or
   * null when {@code line} is another command.
   */
  static String oneMessageMailbox(String tag, String line) {
    String upper = line.toUpperCase(Locale.ROOT);
    if (!upper.contains(" EXAMINE ") && !upper.contains(" SELECT ")) {
      return null;
    }
    return "* 1 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 7] ok\r\n* OK [UIDNEXT 2] ok\r\n"
        + tag + " OK [READ-ONLY] done\r\n";
  }

  /**
   * What a partial whole-message fetch ({@code BODY.PEEK[]<from.count>}) asks of {@code message}:
   * {@code from} as the command wrote it and the bytes (ISO-8859-1, cut at the message's end), or
   * null when {@code line} asks for no partial body.
   */
  static Partial partial(String line, byte[] message) {
    java.util.regex.Matcher m = PARTIAL.matcher(line);
    if (!line.toUpperCase(Locale.ROOT).contains("BODY.PEEK[]") || !m.find()) {
      return null;
    }
    int from = (int) Math.min(Long.parseLong(m.group(1)), message.length);
    int to = (int) Math.min((long) from + Long.parseLong(m.group(2)), message.length);
    return new Partial(m.group(1), new String(message, from, to - from, StandardCharsets.ISO_8859_1));
  }

  /** A partial fetch's origin as written and the bytes it gets. */
  record Partial(String origin, String bytes) {}

  /** The usual answers: capabilities as given, LOGIN ok, LOGOUT bye. */
  static String standard(String tag, String line, String capabilities) {
    String command = line.substring(line.indexOf(' ') + 1).toUpperCase(Locale.ROOT);
    if (command.startsWith("CAPABILITY")) {
      return "* CAPABILITY " + capabilities + "\r\n" + tag + " OK done\r\n";
    }
    if (command.startsWith("LIST")) {
      return "* LIST (\\HasNoChildren) \"/\" INBOX\r\n" + tag + " OK done\r\n";
    }
    if (command.startsWith("LOGIN")) {
      return tag + " OK logged in\r\n";
    }
    if (command.startsWith("LOGOUT")) {
      return "* BYE bye\r\n" + tag + " OK done\r\n";
    }
    return null;
  }

  private void serve(String greeting, BiFunction<String, String, String> answer) {
    try (Socket client = socket.accept()) {
      OutputStream out = client.getOutputStream();
      out.write(greeting.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      BufferedReader in = new BufferedReader(
          new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
      for (String line; (line = in.readLine()) != null; ) {
        received.add(line);
        int space = line.indexOf(' ');
        String tag = space < 0 ? line : line.substring(0, space);
        String reply = answer.apply(tag, line);
        if (reply != null) {
          boolean close = reply.endsWith(CLOSE);
          String sent = close ? reply.substring(0, reply.length() - CLOSE.length()) : reply;
          out.write(sent.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          if (close) {
            return;
          }
        }
      }
    } catch (IOException e) {
      // the client went away, or the server was closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
