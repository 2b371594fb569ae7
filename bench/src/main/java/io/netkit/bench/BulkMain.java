package io.netkit.bench;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.ftp.FtpClient;
import io.netkit.gopher.GopherClient;
import io.netkit.http.HttpClient;
import io.netkit.http.HttpResponse;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One bulk download in this JVM, printed as one line {@code bytes seconds peakHeapMiB rssMiB}:
 * {@code BulkMain <http|ftp|gopher> <netkit|raw> <name>} fetches {@code name} from the real
 * server into a sink that drops the bytes, with netkit or with a raw socket doing the least the
 * protocol needs (the limit). Run with {@code -Xmx64m} it shows whether memory stays flat.
 * {@code pop3}, {@code imap} and {@code nntp} (netkit only) fetch the message or article of
 * that name instead: see {@link MailBulk}.
 */
public final class BulkMain {
  /** The raw copy's buffer (-Dbench.buffer=8192 shows what 8 KiB reads, as Okio does them, cost). */
  private static final int BUFFER = Integer.getInteger("bench.buffer", 64 * 1024);

  private BulkMain() {}

  public static void main(String[] args) throws Exception {
    String protocol = args[0];
    String raw = args[1];
    String name = args[2];
    // A 1 KiB fetch first, untimed, so that class loading and set-up are not counted as
    // throughput (the whole-process rows count them).
    // -Dbench.warmup=NAME names another small file (for runs beside bench/run.sh's own files).
    fetch(protocol, raw, System.getProperty("bench.warmup", "bench-1k.bin"), new CountingSink());
    CountingSink sink = new CountingSink();
    long start = System.nanoTime();
    fetch(protocol, raw, name, sink);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%d %.3f %.1f %.1f%n", sink.count, seconds, peakHeapMiB(), rssMiB());
  }

  private static void fetch(String protocol, String how, String name, OutputStream sink)
      throws IOException {
    switch (protocol + " " + how) {
      case "http netkit" -> netkitHttp(name, sink);
      case "http engine" -> okHttp(name, sink);
      case "http raw" -> rawHttp(name, sink);
      case "ftp netkit" -> netkitFtp(name, sink);
      case "ftp engine" -> commonsNet(name, sink);
      case "ftp raw" -> rawFtp(name, sink);
      case "gopher netkit" -> netkitGopher(name, sink);
      case "gopher raw", "gopher engine" -> rawGopher(name, sink);
      case "pop3 netkit" -> MailBulk.pop3(name, sink);
      case "imap netkit" -> MailBulk.imap(name, sink);
      case "nntp netkit" -> MailBulk.nntp(name, sink);
      default -> throw new IllegalArgumentException("protocol and client: " + protocol + " " + how);
    }
  }

  private static void okHttp(String name, OutputStream sink) throws IOException {
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
        .protocols(java.util.List.of(okhttp3.Protocol.HTTP_2, okhttp3.Protocol.HTTP_1_1))
        .followRedirects(false).proxy(java.net.Proxy.NO_PROXY).build();
    String url = "http://" + Servers.get("HTTP_HOST") + ":" + Servers.get("HTTP_PORT") + "/" + name;
    try (okhttp3.Response r = client.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
      r.body().byteStream().transferTo(sink);
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static void commonsNet(String name, OutputStream sink) throws IOException {
    org.apache.commons.net.ftp.FTPClient ftp = new org.apache.commons.net.ftp.FTPClient();
    ftp.connect(Servers.get("FTP_HOST"), Servers.port("FTP_PORT"));
    try {
      ftp.login(Servers.get("FTP_USER"), Servers.get("FTP_PASS"));
      ftp.enterLocalPassiveMode();
      ftp.setFileType(org.apache.commons.net.ftp.FTP.BINARY_FILE_TYPE);
      if (!ftp.retrieveFile("/" + name, sink)) {
        throw new IOException("RETR: " + ftp.getReplyString());
      }
      ftp.logout();
    } finally {
      ftp.disconnect();
    }
  }

  private static void netkitHttp(String name, OutputStream sink) throws IOException {
    try (HttpClient client = new HttpClient(NetOptions.defaults())) {
      client.connect(URI.create("http://" + Servers.get("HTTP_HOST") + ":" + Servers.get("HTTP_PORT") + "/"));
      try (HttpResponse r = client.get("/" + name)) {
        r.body().transferTo(sink);
      }
    }
  }

  private static void netkitFtp(String name, OutputStream sink) throws IOException {
    try (FtpClient client = new FtpClient(NetOptions.defaults())) {
      client.connect(Endpoint.of(Servers.get("FTP_HOST"), Servers.port("FTP_PORT"))
          .withCredentials(new Credentials(Servers.get("FTP_USER"), Servers.get("FTP_PASS"))));
      client.retrieve("/" + name, sink);
    }
  }

  private static void netkitGopher(String name, OutputStream sink) throws IOException {
    try (GopherClient client = new GopherClient(NetOptions.defaults())) {
      client.connect(Endpoint.of(Servers.get("GOPHER_HOST"), Servers.port("GOPHER_PORT")));
      client.binary("/" + name, sink);
    }
  }

  private static void rawHttp(String name, OutputStream sink) throws IOException {
    try (Socket s = new Socket(Servers.get("HTTP_HOST"), Servers.port("HTTP_PORT"))) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(("GET /" + name + " HTTP/1.1\r\nHost: " + Servers.get("HTTP_HOST")
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      InputStream in = new BufferedInputStream(s.getInputStream(), BUFFER);
      String status = RawLines.line(in);
      if (!status.contains(" 200 ")) {
        throw new IOException(status);
      }
      while (!RawLines.line(in).isEmpty()) {
        // headers: the body follows the blank line, to the end of the connection
      }
      copy(in, sink);
    }
  }

  private static void rawFtp(String name, OutputStream sink) throws IOException {
    try (Socket control = new Socket(Servers.get("FTP_HOST"), Servers.port("FTP_PORT"))) {
      control.setSoTimeout(30_000);
      InputStream in = new BufferedInputStream(control.getInputStream());
      OutputStream out = control.getOutputStream();
      reply(in, "220");
      command(out, "USER " + Servers.get("FTP_USER"));
      reply(in, "331");
      command(out, "PASS " + Servers.get("FTP_PASS"));
      reply(in, "230");
      command(out, "TYPE I");
      reply(in, "200");
      command(out, "EPSV");
      String epsv = reply(in, "229");
      int port = Integer.parseInt(epsv.replaceAll(".*\\(\\|\\|\\|(\\d+)\\|\\).*", "$1"));
      try (Socket data = new Socket(Servers.get("FTP_HOST"), port)) {
        data.setSoTimeout(30_000);
        command(out, "RETR /" + name);
        reply(in, "150");
        copy(data.getInputStream(), sink);
      }
      reply(in, "226");
      command(out, "QUIT");
    }
  }

  private static void rawGopher(String name, OutputStream sink) throws IOException {
    try (Socket s = new Socket(Servers.get("GOPHER_HOST"), Servers.port("GOPHER_PORT"))) {
      s.setSoTimeout(30_000);
      s.getOutputStream().write(("/" + name + "\r\n").getBytes(StandardCharsets.US_ASCII));
      copy(s.getInputStream(), sink);
    }
  }

  private static void command(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static String reply(InputStream in, String code) throws IOException {
    String line;
    do {
      line = RawLines.line(in);
    } while (line.length() < 4 || line.charAt(3) == '-');
    if (!line.startsWith(code)) {
      throw new IOException("expected " + code + ": " + line);
    }
    return line;
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
    }
  }

  private static double peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak / 1048576.0;
  }

  /** The process's peak resident set (VmHWM), -1 where /proc is missing. */
  static double rssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: no figure
    }
    return -1;
  }

  /** Drops the bytes, counting them. */
  static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
