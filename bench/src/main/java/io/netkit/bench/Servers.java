package io.netkit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real servers of {@code scripts/servers.sh}, read from its {@code servers.env}
 * ({@code $NETKIT_SERVERS_DIR}, default {@code /tmp/netkit-servers}). Immutable once read.
 */
final class Servers {
  private static final Map<String, String> ENV = read();

  private Servers() {}

  static String get(String key) {
    String v = ENV.get(key);
    if (v == null) {
      throw new IllegalStateException(key + " is not in servers.env: run scripts/servers.sh start");
    }
    return v;
  }

  static int port(String key) {
    return Integer.parseInt(get(key));
  }

  private static Map<String, String> read() {
    Path env = Path.of(System.getenv().getOrDefault("NETKIT_SERVERS_DIR", "/tmp/netkit-servers"),
        "servers.env");
    Map<String, String> m = new HashMap<>();
    try {
      for (String line : Files.readAllLines(env)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          m.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no servers.env at " + env + ": run scripts/servers.sh start", e);
    }
    return m;
  }
}
