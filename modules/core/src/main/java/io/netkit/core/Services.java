package io.netkit.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Service names to port numbers, as {@code getservbyname} does: read from {@code /etc/services}
 * when it exists, with a built-in table of the classic services beneath it so that names like
 * {@code smtp} and {@code gopher} work on any machine. Thread-safe; the file is read once.
 */
public final class Services {
  /** Ports known without any services file (TCP). */
  private static final Map<String, Integer> BUILT_IN =
      Map.ofEntries(
          Map.entry("ftp-data", 20),
          Map.entry("ftp", 21),
          Map.entry("ssh", 22),
          Map.entry("telnet", 23),
          Map.entry("smtp", 25),
          Map.entry("domain", 53),
          Map.entry("gopher", 70),
          Map.entry("http", 80),
          Map.entry("www", 80),
          Map.entry("pop3", 110),
          Map.entry("nntp", 119),
          Map.entry("imap", 143),
          Map.entry("imap2", 143),
          Map.entry("https", 443),
          Map.entry("submissions", 465),
          Map.entry("smtps", 465),
          Map.entry("nntps", 563),
          Map.entry("snntp", 563),
          Map.entry("submission", 587),
          Map.entry("ftps-data", 989),
          Map.entry("ftps", 990),
          Map.entry("imaps", 993),
          Map.entry("pop3s", 995));

  private static final Path SYSTEM_FILE = Path.of("/etc/services");

  private static volatile Map<String, Integer> fromFile;

  private Services() {}

  /**
   * The TCP port of a service name, case-insensitively.
   *
   * @return the port, or empty when the name is unknown
   */
  public static OptionalInt port(String serviceName) {
    String key = serviceName.toLowerCase(Locale.ROOT);
    Integer port = systemTable().get(key);
    if (port == null) {
      port = BUILT_IN.get(key);
    }
    return port == null ? OptionalInt.empty() : OptionalInt.of(port);
  }

  /**
   * The port of {@code text}: a decimal number or a service name.
   *
   * @throws IllegalArgumentException for an unknown name or a number outside 0-65535
   */
  public static int parsePort(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty port");
    }
    if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (text.length() > 5 || Integer.parseInt(text) > 65535) {
        throw new IllegalArgumentException("port " + text + " is out of range 0-65535");
      }
      return Integer.parseInt(text);
    }
    if (text.startsWith("-") && text.substring(1).chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("port " + text + " is out of range 0-65535");
    }
    return port(text)
        .orElseThrow(() -> new IllegalArgumentException("unknown service name '" + text + "'"));
  }

  /** The first service name for a TCP port, when one is known. */
  public static Optional<String> name(int port) {
    return systemTable().entrySet().stream()
        .filter(e -> e.getValue() == port)
        .map(Map.Entry::getKey)
        .sorted()
        .findFirst()
        .or(
            () ->
                BUILT_IN.entrySet().stream()
                    .filter(e -> e.getValue() == port)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .findFirst());
  }

  private static Map<String, Integer> systemTable() {
    Map<String, Integer> table = fromFile;
    if (table == null) {
      table = Files.isReadable(SYSTEM_FILE) ? read(SYSTEM_FILE) : Map.of();
      fromFile = table;
    }
    return table;
  }

  /** Parses a services(5) file: {@code name port/proto [aliases...] [# comment]}, TCP only. */
  static Map<String, Integer> read(Path file) {
    Map<String, Integer> table = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = reader.readLine()) != null) {
        int hash = line.indexOf('#');
        String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
        if (fields.length < 2 || !fields[1].endsWith("/tcp")) {
          continue;
        }
        String number = fields[1].substring(0, fields[1].length() - 4);
        if (number.isEmpty() || number.length() > 5 || !number.chars().allMatch(Character::isDigit)) {
          continue;
        }
        int port = Integer.parseInt(number);
        if (port > 65535) {
          continue;
        }
        for (int i = 0; i < fields.length; i++) {
          if (i != 1) {
            table.putIfAbsent(fields[i].toLowerCase(Locale.ROOT), port);
          }
        }
      }
    } catch (IOException unreadable) {
      // An unreadable services file is the same as none: the built-in table still answers.
      return Map.of();
    }
    return Map.copyOf(table);
  }
}
