package io.netkit.testkit.secrets;

import io.netkit.core.Credentials;
import io.netkit.core.trace.TraceEvent;
import io.netkit.core.trace.TraceTap;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * A JUnit extension that fails a test when a password or token leaks: while the test runs, every
 * connection in the process traces (masked as its options say) into a capture, and that capture,
 * java.util.logging records, what is written to {@code System.out} and {@code System.err}, and
 * the exception a test ends with (messages, causes and suppressed ones) are searched for every
 * secret the process has seen, as it is and in base64 ({@link SecretPatterns} lists the forms).
 *
 * <p>The guard learns secrets without help: every {@link Credentials} made while it is installed
 * reports its password (a URL's userinfo becomes one too). Secrets that never pass through
 * Credentials (an HTTP bearer token in a header) are registered with {@link #secret(String)}.
 * Secrets shorter than {@value SecretPatterns#MIN_LENGTH} characters are not searched for ("pw"
 * is in ordinary text everywhere), nor are the anonymous password and passwords equal to their
 * user name (which is rightly shown), so tests that want the check use longer, distinct ones. Exceptions a
 * test catches itself can be checked with {@link #assertNoSecretIn(Throwable)}.
 *
 * <p>Register it with {@code @ExtendWith(SecretsGuard.class)}, or for a whole suite with JUnit's
 * extension auto-detection: {@code junit.jupiter.extensions.autodetection.enabled=true} in the
 * suite's {@code junit-platform.properties} and this class's name in its {@code
 * META-INF/services/org.junit.jupiter.api.extension.Extension}. Installed once per JVM and kept;
 * thread-safe. A leak found on a server thread after a test ended is reported by the next one.
 */
public final class SecretsGuard
    implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
  private static final Map<String, SecretPatterns> SECRETS = new ConcurrentHashMap<>();
  private static final Queue<String> FINDINGS = new ConcurrentLinkedQueue<>();
  private static volatile boolean installed;
  /** Trace lines not yet scanned: {connection, text}. */
  private static final Queue<String[]> PENDING = new ConcurrentLinkedQueue<>();
  private static final Object DRAINED = new Object();
  private static final long DRAIN_MILLIS = 30_000;

  /**
   * Installs the guard (once per JVM; the state is shared by all instances). Auto-detected, it is
   * made when the JUnit engine starts, before any test class is initialized, so it is told the
   * passwords of {@code static final Credentials} too.
   */
  public SecretsGuard() {
    install();
  }

  /** Registers a secret that does not pass through {@link Credentials} (a token in a header). */
  public static void secret(String secret) {
    install();
    remember("", secret);
  }

  /**
   * Fails when {@code thrown} (its messages, string forms, causes or suppressed exceptions)
   * shows a known secret: for tests that catch netkit's exceptions themselves.
   */
  public static void assertNoSecretIn(Throwable thrown) {
    String found = scanThrowable(thrown);
    if (found != null) {
      throw new AssertionError("a secret leaked into an exception: " + found);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    install();
  }

  /** Installs the guard now (what {@link #beforeEach} does), for code that runs before a test. */
  public static void installNow() {
    install();
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    List<String> found = takeFindings();
    if (!found.isEmpty()) {
      throw new AssertionError(
          "secrets leaked during " + context.getDisplayName() + ":\n  " + String.join("\n  ", found));
    }
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    String found = scanThrowable(thrown);
    if (found != null) {
      // The original is not attached: its message is what leaked.
      throw new AssertionError(
          "a secret leaked into the " + thrown.getClass().getSimpleName() + " that ended "
              + context.getDisplayName() + ": " + found);
    }
    throw thrown;
  }

  /** Every finding so far (once every trace line recorded has been scanned), and forgets them. */
  static List<String> takeFindings() throws InterruptedException {
    awaitScanned();
    List<String> found = new ArrayList<>();
    for (String f; (f = FINDINGS.poll()) != null; ) {
      found.add(f);
    }
    return found;
  }

  /** Waits (bounded) until every trace line recorded so far has been scanned. */
  private static void awaitScanned() throws InterruptedException {
    long end = System.currentTimeMillis() + DRAIN_MILLIS;
    synchronized (DRAINED) {
      while (!PENDING.isEmpty() && System.currentTimeMillis() < end) {
        DRAINED.wait(50);
      }
    }
  }

  private static void scanPending() {
    while (true) {
      String[] line = PENDING.poll();
      if (line == null) {
        synchronized (DRAINED) {
          DRAINED.notifyAll();
          try {
            DRAINED.wait(20);
          } catch (InterruptedException e) {
            return;
          }
        }
        continue;
      }
      scan("the trace of " + line[0], line[1]);
    }
  }

  private static synchronized void install() {
    if (installed) {
      return;
    }
    Thread scanner = new Thread(SecretsGuard::scanPending, "netkit-secrets-guard");
    scanner.setDaemon(true);
    scanner.start();
    TraceTap.install(new TraceTap.Listener() {
      @Override
      public void record(TraceEvent event) {
        // Scanned on the guard's own thread: a connection's timing stays its own (a test that
        // bounds how fast a flood is refused must not measure the guard).
        PENDING.add(new String[] {event.connection(), event.text()});
      }

      @Override
      public void secret(String user, String password) {
        remember(user, password);
      }
    });
    Logger root = LogManager.getLogManager().getLogger("");
    root.addHandler(new LogScanner());
    System.setOut(new PrintStream(new ScanningStream(System.out, "System.out"), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new ScanningStream(System.err, "System.err"), true, StandardCharsets.UTF_8));
    installed = true;
  }

  private static void remember(String user, String secret) {
    if (secret.equals(Credentials.ANONYMOUS.password()) || secret.equals(user)) {
      // The anonymous password is public; one equal to its user name (netkit:netkit, the
      // demo account) is shown wherever the user name rightly is.
      return;
    }
    SECRETS.computeIfAbsent(secret, s -> new SecretPatterns(user, s));
  }

  /** Records a finding when {@code text} shows a known secret. */
  static void scan(String where, String text) {
    String found = find(text);
    if (found != null) {
      FINDINGS.add(found + " in " + where);
    }
  }

  /** A description of the first secret {@code text} shows, or null. */
  static String find(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    for (SecretPatterns p : SECRETS.values()) {
      String form = p.foundIn(text);
      if (form != null) {
        return p.hint() + " (" + form + ")";
      }
    }
    return null;
  }

  private static String scanThrowable(Throwable thrown) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> queue = new ArrayList<>(List.of(thrown));
    while (!queue.isEmpty()) {
      Throwable t = queue.remove(queue.size() - 1);
      if (t == null || !seen.add(t)) {
        continue;
      }
      String found = find(t.toString());
      if (found == null) {
        found = find(t.getLocalizedMessage());
      }
      if (found != null) {
        return found + " in " + t.getClass().getName();
      }
      queue.add(t.getCause());
      queue.addAll(List.of(t.getSuppressed()));
    }
    return null;
  }

  /** Scans every log record (message, parameters and thrown exception) of the root logger. */
  private static final class LogScanner extends Handler {
    @Override
    public void publish(LogRecord record) {
      String where = "a log record of " + record.getLoggerName();
      scan(where, record.getMessage());
      if (record.getParameters() != null) {
        for (Object p : record.getParameters()) {
          scan(where, String.valueOf(p));
        }
      }
      if (record.getThrown() != null) {
        String found = scanThrowable(record.getThrown());
        if (found != null) {
          FINDINGS.add(found + " in " + where);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /**
   * Passes bytes on and scans them line by line (a line longer than 8 KiB is scanned in pieces
   * that overlap by 256 characters, so a secret across a piece boundary is still seen).
   */
  private static final class ScanningStream extends OutputStream {
    private static final int PIECE = 8192;
    private static final int OVERLAP = 256;
    private final OutputStream out;
    private final String where;
    private final StringBuilder line = new StringBuilder();

    ScanningStream(OutputStream out, String where) {
      this.out = out;
      this.where = where;
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
      out.write(b);
      take((char) (b & 0xff));
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
      out.write(b, off, len);
      for (int i = off; i < off + len; i++) {
        take((char) (b[i] & 0xff)); // byte-wise (Latin-1): secrets are compared in UTF-8 bytes
      }
    }

    @Override
    public void flush() throws java.io.IOException {
      out.flush();
    }

    private void take(char c) {
      if (c == '\n') {
        scan(where, line.toString());
        line.setLength(0);
        return;
      }
      line.append(c);
      if (line.length() >= PIECE) {
        scan(where, line.toString());
        line.delete(0, PIECE - OVERLAP);
      }
    }
  }
}
