package io.netkit.cli;

import io.netkit.core.NetOptions;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.InteractiveProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.utils.NonBlockingReader;

/**
 * An interactive session on a JLine terminal in raw mode, as a telnet user knows it: keystrokes
 * go to the server as typed (Enter as CR LF), what the server sends goes to the screen, the
 * window size follows the terminal (SIGWINCH), Ctrl-C goes to the server, and Ctrl-] opens a
 * {@code telnet>} prompt where {@code quit} leaves. Echo is local only while the server does not
 * echo. The terminal's settings are restored on every way out: the end of the session, a failure,
 * the JVM shutting down, and the command giving up at {@code --max-time} ({@link #restore()}).
 *
 * <p>Protocol-neutral: it knows the session only as an {@link InteractiveProvider.Session}.
 */
final class RawTerminalSession {
  /** Ctrl-]: the escape to the local prompt. */
  static final int ESCAPE = 0x1d;

  private static final Duration POLL = Duration.ofMillis(200);
  private static final long KEY_POLL_MILLIS = 100;

  private final Terminal tty;
  private final InteractiveProvider.Session session;
  private volatile Attributes saved;

  RawTerminalSession(Terminal tty, InteractiveProvider.Session session) {
    this.tty = tty;
    this.session = session;
  }

  /**
   * True when {@code provider} can hold an interactive session and standard input is a terminal:
   * then {@code netkit get URL} (to standard output) may hand over to {@link
   * #onThisTerminal}, as curl does for telnet URLs.
   */
  static boolean wanted(io.netkit.cli.Terminal terminal, ClientProvider provider) {
    return provider instanceof InteractiveProvider && standardInputIsTerminal(terminal);
  }

  /**
   * An interactive session on the process's own terminal, in raw mode; {@code whenAbandoned}
   * receives what restores the terminal and closes the session should the command give up on it
   * at {@code --max-time}.
   */
  static int onThisTerminal(
      InteractiveProvider provider,
      URI uri,
      NetOptions options,
      java.util.function.Consumer<Runnable> whenAbandoned)
      throws IOException {
    Terminal tty = org.jline.terminal.TerminalBuilder.builder().system(true).build();
    try {
      InteractiveProvider.Session session =
          provider.open(
              uri,
              options,
              new InteractiveProvider.TerminalInfo(
                  tty.getType(), Math.max(1, tty.getWidth()), Math.max(1, tty.getHeight())));
      RawTerminalSession raw = new RawTerminalSession(tty, session);
      whenAbandoned.accept(raw::restore);
      whenAbandoned.accept(session::close);
      raw.run();
    } finally {
      tty.close();
    }
    return ExitCode.OK;
  }

  /** True when standard input is a terminal (never for captured streams). */
  static boolean standardInputIsTerminal(io.netkit.cli.Terminal terminal) {
    if (terminal.in() != System.in) {
      return false; // captured streams (tests, embedding): never a terminal
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
      return System.console() != null;
    }
  }

  /** Puts the terminal back as it was; safe to call more than once and from any thread. */
  void restore() {
    Attributes original = saved;
    if (original != null) {
      saved = null;
      tty.setAttributes(original);
      tty.flush();
    }
  }

  /**
   * Runs until the server closes, the user quits, or keyboard input ends. Throws the session's
   * failure, if any.
   */
  void run() throws IOException {
    saved = tty.enterRawMode();
    Thread hook = new Thread(this::restore, "netkit-terminal-restore");
    Runtime.getRuntime().addShutdownHook(hook);
    SignalHandler winch = tty.handle(Signal.WINCH, s -> resized());
    SignalHandler interrupt = tty.handle(Signal.INT, s -> sendQuietly(new byte[] {3}));
    CompletableFuture<Void> serverDone = new CompletableFuture<>();
    Thread pump = new Thread(() -> pump(serverDone), "netkit-interactive-output");
    pump.setDaemon(true);
    try {
      pump.start();
      keyboard(serverDone);
      if (serverDone.isDone()) {
        serverDone.get(1, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.TimeoutException e) {
      // cannot happen: done was checked
    } finally {
      session.close();
      tty.handle(Signal.WINCH, winch);
      tty.handle(Signal.INT, interrupt);
      restore();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs (harmlessly) in that case
      }
      try {
        pump.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void pump(CompletableFuture<Void> done) {
    byte[] buffer = new byte[8192];
    OutputStream screen = tty.output();
    try {
      while (true) {
        int n = session.read(buffer, 0, buffer.length, POLL);
        if (n < 0) {
          done.complete(null);
          return;
        }
        if (n > 0) {
          screen.write(buffer, 0, n);
          screen.flush();
        }
      }
    } catch (IOException e) {
      done.completeExceptionally(e);
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  private void keyboard(CompletableFuture<Void> serverDone) throws IOException {
    NonBlockingReader keys = tty.reader();
    char pendingHigh = 0;
    while (!serverDone.isDone()) {
      int c = keys.read(KEY_POLL_MILLIS);
      if (c == NonBlockingReader.READ_EXPIRED) {
        continue;
      }
      if (c < 0) {
        return; // keyboard input ended
      }
      if (c == ESCAPE) {
        if (escapePrompt(keys, serverDone)) {
          return;
        }
        continue;
      }
      if (c == '\r' || c == '\n') {
        send("\r\n".getBytes(StandardCharsets.US_ASCII));
        echoLocally("\r\n");
        continue;
      }
      if (Character.isHighSurrogate((char) c)) {
        pendingHigh = (char) c;
        continue;
      }
      String typed =
          pendingHigh != 0
              ? new String(new char[] {pendingHigh, (char) c})
              : String.valueOf((char) c);
      pendingHigh = 0;
      send(typed.getBytes(StandardCharsets.UTF_8));
      echoLocally(typed);
    }
  }

  /** The local {@code telnet>} prompt; true when the user asked to leave. */
  private boolean escapePrompt(NonBlockingReader keys, CompletableFuture<Void> serverDone)
      throws IOException {
    tty.writer().print("\r\ntelnet> ");
    tty.writer().flush();
    StringBuilder line = new StringBuilder();
    while (!serverDone.isDone()) {
      int c = keys.read(KEY_POLL_MILLIS);
      if (c == NonBlockingReader.READ_EXPIRED) {
        continue;
      }
      if (c < 0) {
        return true;
      }
      if (c == '\r' || c == '\n') {
        break;
      }
      if (c == 0x7f || c == 0x08) {
        if (line.length() > 0) {
          line.setLength(line.length() - 1);
          tty.writer().print("\b \b");
        }
      } else if (c >= 0x20) {
        line.append((char) c);
        tty.writer().print((char) c);
      }
      tty.writer().flush();
    }
    String command = line.toString().strip();
    tty.writer().print("\r\n");
    switch (command) {
      case "quit", "q", "close" -> {
        tty.writer().flush();
        return true;
      }
      case "" -> {
        // back to the session
      }
      default -> tty.writer().print("commands: quit (leave), or Enter to go back\r\n");
    }
    tty.writer().flush();
    return false;
  }

  private void echoLocally(String typed) {
    if (!session.remoteEcho()) {
      tty.writer().print(typed);
      tty.writer().flush();
    }
  }

  private void send(byte[] bytes) throws IOException {
    session.write(bytes, 0, bytes.length);
  }

  private void sendQuietly(byte[] bytes) {
    try {
      send(bytes);
    } catch (IOException | RuntimeException closed) {
      // the output pump reports the failure
    }
  }

  private void resized() {
    try {
      session.resize(Math.max(1, tty.getWidth()), Math.max(1, tty.getHeight()));
    } catch (IOException | RuntimeException closed) {
      // the output pump reports the failure
    }
  }
}
