package io.netkit.interop;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real servers that {@code scripts/servers.sh start} runs, as its {@code servers.env} describes
 * them ({@code KEY=VALUE} lines, {@code #} comments). Shared by every protocol's interop tests.
 *
 * <p>Where the file is: {@code $NETKIT_SERVERS_ENV}, else {@code /tmp/netkit-servers/servers.env}.
 * What happens when something is missing (the file, a key, a port that does not answer, a tool
 * such as curl): with {@code NETKIT_INTEROP=1} (CI) the test fails; otherwise it is skipped (a JUnit
 * assumption) with a message saying how to run it, and that reason is printed on stderr once
 * (Maven's console would show only a count of skipped tests).
 *
 * <pre>{@code
 * RealServers servers = RealServers.load();
 * Endpoint gopher = Endpoint.of(servers.require("GOPHER_HOST"), servers.port("GOPHER_PORT"));
 * servers.requireReachable("GOPHER_HOST", "GOPHER_PORT");
 * }</pre>
 */
public final class RealServers {
  /** The environment variable that names the servers.env file. */
  public static final String ENV_FILE_VARIABLE = "NETKIT_SERVERS_ENV";
  /** The environment variable that makes missing servers a failure when set to 1. */
  public static final String REQUIRED_VARIABLE = "NETKIT_INTEROP";
  /** Where servers.sh writes the file by default. */
  public static final Path DEFAULT_FILE = Path.of("/tmp/netkit-servers/servers.env");

  private final Path file;
  private final Map<String, String> values;

  private RealServers(Path file, Map<String, String> values) {
    this.file = file;
    this.values = values;
  }

  /** True when {@code NETKIT_INTEROP=1}: missing servers fail instead of skipping. */
  public static boolean required() {
    return "1".equals(System.getenv(REQUIRED_VARIABLE));
  }

  /** The servers.env path in use. */
  public static Path envFile() {
    String override = System.getenv(ENV_FILE_VARIABLE);
    return override == null || override.isBlank() ? DEFAULT_FILE : Path.of(override);
  }

  /** Reads servers.env, or fails or skips (see the class comment) when it is missing. */
  public static RealServers load() {
    Path file = envFile();
    if (!Files.isRegularFile(file)) {
      unavailable("no " + file + ": start the real servers with `scripts/servers.sh start`");
    }
    Map<String, String> values = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.strip();
        int eq = trimmed.indexOf('=');
        if (trimmed.isEmpty() || trimmed.startsWith("#") || eq <= 0) {
          continue;
        }
        values.put(trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
      }
    } catch (IOException e) {
      unavailable("cannot read " + file + ": " + e.getMessage());
    }
    return new RealServers(file, Map.copyOf(values));
  }

  /** The value of {@code key}, when servers.env has it. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The value of {@code key}; fails or skips when servers.env lacks it (the server is not up). */
  public String require(String key) {
    String value = values.get(key);
    if (value == null || value.isEmpty()) {
      unavailable(file + " has no " + key + ": that server is not running");
    }
    return value;
  }

  /** A port number from {@code key}. */
  public int port(String key) {
    return Integer.parseInt(require(key));
  }

  /** A file or directory path from {@code key}. */
  public Path path(String key) {
    return Path.of(require(key));
  }

  /** Checks that the server at {@code hostKey}:{@code portKey} accepts TCP connections (2 s). */
  public void requireReachable(String hostKey, String portKey) {
    String host = require(hostKey);
    int port = port(portKey);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
    } catch (IOException e) {
      unavailable(host + ":" + port + " (" + portKey + ") does not answer: " + e.getMessage());
    }
  }

  /** Fails (with NETKIT_INTEROP=1) or skips the current test, saying why. */
  public static void unavailable(String why) {
    String message =
        "interop: " + why + " (set " + REQUIRED_VARIABLE + "=1 to make this a failure)";
    if (required()) {
      fail("interop: " + why + " and " + REQUIRED_VARIABLE + "=1");
    }
    // Maven's console shows only "Skipped: 25"; the reason would be left in the surefire XML.
    // Each distinct reason is printed once per test JVM, however many tests it skips.
    if (ANNOUNCED.add(why)) {
      System.err.println("[interop] skipped: " + why + " (set " + REQUIRED_VARIABLE + "=1 to fail instead)");
      System.err.flush();
    }
    abort(message);
  }

  /** The reasons already printed (see {@link #unavailable}). */
  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();
}
