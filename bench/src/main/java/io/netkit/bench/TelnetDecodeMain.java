package io.netkit.bench;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.telnet.TelnetClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * Telnet decode throughput over loopback: a server thread sends SIZE MiB of text lines, and the
 * client reads them through netkit's {@code TelnetClient} as {@code netkit telnet} piped mode does
 * ({@code read} with a wait, 8 KiB at a time) or as a script does ({@code expect} of a marker line
 * every 64 KiB), and, for the limits, through a plain socket ({@code raw}) and through the netkit
 * core's socket with nothing above it ({@code core}). With {@code iac}, the text carries
 * IAC IAC (a 0xFF data byte) every 16th line and negotiation (DO of an unknown option, NOP, WILL
 * SGA, a TERMINAL-TYPE SEND) every 64th; the server counts the client's terminal-type answers.
 *
 * <p>{@code TelnetDecodeMain <MiB> <rounds> <plain|iac> <read|expect|raw|core>...} prints, per mode, the
 * median MB/s of the rounds (after one warm-up round), the decoded byte count and CRC-32 (checked
 * against what was meant), the answers counted, and the bytes the reading thread allocated per
 * MiB read (a load-independent figure; the server's wire bytes are built before).
 */
public final class TelnetDecodeMain {
  private static final String LINE =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor\r\n";
  private static final String MARK = "#MARK#\r\n";

  private TelnetDecodeMain() {}

  public static void main(String[] args) throws Exception {
    int mib = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    boolean iac = args[2].equals("iac");
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    int requests = build(mib, iac, wire, data);
    byte[] wireBytes = wire.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(data.toByteArray());
    long wantCrc = crc.getValue();
    long wantLength = data.size();
    data = null;
    java.util.concurrent.atomic.AtomicReference<AtomicInteger> answers =
        new java.util.concurrent.atomic.AtomicReference<>(new AtomicInteger());
    java.util.concurrent.Semaphore served = new java.util.concurrent.Semaphore(0);
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> serve(server, wireBytes, answers, served), "bench-server");
      acceptor.setDaemon(true);
      acceptor.start();
      for (int m = 3; m < args.length; m++) {
        String mode = args[m];
        double[] rates = new double[rounds];
        long[] got = new long[2];
        long allocated = 0;
        for (int r = -1; r < rounds; r++) {
          long before = allocatedBytes();
          long start = System.nanoTime();
          got = switch (mode) {
            case "raw" -> raw(server.getLocalPort(), null);
            case "core" -> raw(server.getLocalPort(), io.netkit.core.transport.SocketFactories.plain(
                NetOptions.defaults(), "telnet", io.netkit.core.transport.SocketFactories.Framing.RAW));
            case "read" -> read(server.getLocalPort());
            case "expect" -> expect(server.getLocalPort());
            default -> throw new IllegalArgumentException("mode " + mode);
          };
          double seconds = (System.nanoTime() - start) / 1e9;
          served.acquire(); // (untimed) the server has counted everything the client answered
          if (r >= 0) {
            rates[r] = wireBytes.length / 1e6 / seconds;
            allocated += allocatedBytes() - before;
          }
        }
        Arrays.sort(rates);
        boolean exact = mode.equals("raw") || mode.equals("core")
            ? got[0] == wireBytes.length
            : mode.equals("expect") ? got[0] == wantLength : got[0] == wantLength && got[1] == wantCrc;
        System.out.printf(Locale.ROOT,
            "%s %s %d MiB: median %.1f MB/s (min %.1f, max %.1f) bytes %d %s; TTYPE answers %d/%d;"
                + " allocated %d KiB per MiB%n",
            args[2], mode, mib, rates[rounds / 2], rates[0], rates[rounds - 1], got[0],
            exact ? "exact" : "WRONG", mode.equals("raw") || mode.equals("core") ? 0 : answers.get().get(), requests,
            allocated / 1024 / ((long) rounds * wireBytes.length / 1048576));
      }
    }
  }

  /** The wire bytes and the data they decode to; returns how many TERMINAL-TYPE SENDs. */
  private static int build(int mib, boolean iac, ByteArrayOutputStream wire,
      ByteArrayOutputStream data) {
    byte[] line = LINE.getBytes(StandardCharsets.US_ASCII);
    byte[] mark = MARK.getBytes(StandardCharsets.US_ASCII);
    int requests = 0;
    long sinceMark = 0;
    for (int i = 0; wire.size() < mib * 1048576; i++) {
      if (iac && i % 16 == 5) {
        wire.write(0xff);
        wire.write(0xff);
        data.write(0xff);
      }
      if (iac && i % 64 == 7) {
        wire.writeBytes(new byte[] {(byte) 255, (byte) 253, 99, (byte) 255, (byte) 241,
            (byte) 255, (byte) 251, 3, (byte) 255, (byte) 250, 24, 1, (byte) 255, (byte) 240});
        requests++;
      }
      wire.writeBytes(line);
      data.writeBytes(line);
      sinceMark += line.length;
      if (sinceMark >= 64 * 1024) {
        wire.writeBytes(mark);
        data.writeBytes(mark);
        sinceMark = 0;
      }
    }
    wire.writeBytes(mark);
    data.writeBytes(mark);
    return requests;
  }

  private static void serve(ServerSocket server, byte[] wire,
      java.util.concurrent.atomic.AtomicReference<AtomicInteger> answers,
      java.util.concurrent.Semaphore served) {
    while (true) {
      try {
        Socket s = server.accept();
        AtomicInteger counted = new AtomicInteger();
        answers.set(counted);
        Thread drain = new Thread(() -> drain(s, counted), "bench-drain");
        drain.setDaemon(true);
        drain.start();
        try (s) {
          OutputStream out = s.getOutputStream();
          for (int off = 0; off < wire.length; off += 65536) {
            out.write(wire, off, Math.min(65536, wire.length - off));
          }
          out.flush();
          s.shutdownOutput();
          drain.join(10_000);
        } finally {
          served.release();
        }
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  /** Reads what the client sends, counting IAC SB TERMINAL-TYPE IS. */
  private static void drain(Socket s, AtomicInteger answers) {
    try {
      InputStream in = new java.io.BufferedInputStream(s.getInputStream());
      int a = -1;
      int b = -1;
      int c;
      while ((c = in.read()) >= 0) {
        if (a == 255 && b == 250 && c == 24) {
          answers.incrementAndGet();
        }
        a = b;
        b = c;
      }
    } catch (IOException e) {
      // closed
    }
  }

  /** A plain socket's read (the limit), or the netkit core's socket's with {@code core}. */
  private static long[] raw(int port, javax.net.SocketFactory core) throws IOException {
    try (Socket s = core == null
        ? new Socket(InetAddress.getLoopbackAddress(), port)
        : core.createSocket(InetAddress.getLoopbackAddress(), port)) {
      InputStream in = s.getInputStream();
      byte[] buffer = new byte[8192];
      long n = 0;
      int k;
      while ((k = in.read(buffer)) >= 0) {
        n += k;
      }
      return new long[] {n, 0};
    }
  }

  private static TelnetClient client(int port) throws IOException {
    TelnetClient client = new TelnetClient(NetOptions.defaults());
    client.connect(Endpoint.of("127.0.0.1", port));
    return client;
  }

  /** As {@code netkit telnet} piped mode reads: 8 KiB at a time, a 100-ms wait per call. */
  private static long[] read(int port) throws IOException {
    try (TelnetClient client = client(port)) {
      byte[] buffer = new byte[8192];
      CRC32 crc = new CRC32();
      long n = 0;
      int k;
      while ((k = client.read(buffer, 0, buffer.length, Duration.ofMillis(100))) >= 0) {
        crc.update(buffer, 0, k);
        n += k;
      }
      return new long[] {n, crc.getValue()};
    }
  }

  /** As a script reads: an expect of the marker line, again and again, until the server closes. */
  private static long[] expect(int port) throws IOException {
    try (TelnetClient client = client(port)) {
      long n = 0;
      while (true) {
        try {
          var m = client.expect(MARK, Duration.ofSeconds(30));
          n += m.before().length() + m.matched().length();
        } catch (io.netkit.telnet.TelnetExpectFailedException end) {
          return new long[] {n, 0};
        }
      }
    }
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
        .getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
