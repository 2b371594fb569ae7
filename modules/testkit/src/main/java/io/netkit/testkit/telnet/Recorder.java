package io.netkit.testkit.telnet;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What clients sent a {@link TelnetMockServer}: raw bytes (the first MiB), data lines,
 * negotiation commands, terminal types and window sizes. Thread-safe.
 */
final class Recorder {
  private static final int RAW_LIMIT = 1 << 20;

  private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<String> negotiations = new CopyOnWriteArrayList<>();
  private final List<String> terminalTypes = new CopyOnWriteArrayList<>();
  private final List<String> windowSizes = new CopyOnWriteArrayList<>();

  synchronized void raw(int b) {
    if (raw.size() < RAW_LIMIT) {
      raw.write(b);
    }
  }

  synchronized byte[] raw() {
    return raw.toByteArray();
  }

  void line(String line) {
    lines.add(line);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  void negotiation(String command) {
    negotiations.add(command);
  }

  List<String> negotiations() {
    return List.copyOf(negotiations);
  }

  void terminalType(String type) {
    terminalTypes.add(type);
  }

  List<String> terminalTypes() {
    return List.copyOf(terminalTypes);
  }

  void windowSize(String size) {
    windowSizes.add(size);
  }

  List<String> windowSizes() {
    return List.copyOf(windowSizes);
  }

  synchronized void clear() {
    raw.reset();
    lines.clear();
    negotiations.clear();
    terminalTypes.clear();
    windowSizes.clear();
  }
}
