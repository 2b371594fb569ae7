package io.netkit.bench;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.ftp.FtpClient;
import io.netkit.gopher.GopherClient;
import io.netkit.http.HttpClient;
import io.netkit.http.HttpResponse;
import io.netkit.nntp.ArticleId;
import io.netkit.nntp.NntpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Facade overhead: each netkit operation beside the engine it wraps (or a raw socket where
 * netkit is the engine), same server, same workload, same JVM; the ratio of each pair is the
 * figure (target 1.05). Against the real servers of {@code scripts/servers.sh}; the 1 KiB files
 * are made by {@code bench/run.sh}. Average time per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FacadeBench {
  static final String SMALL = "bench-1k.bin";

  /** HTTP GET of 1 KiB from nginx on one kept-alive connection. */
  @State(Scope.Thread)
  public static class Http {
    /** "none": no trace sink; "discard": a sink that drops every line. */
    @Param({"none"})
    public String trace;

    HttpClient netkit;

    @Setup(Level.Trial)
    public void open() {
      NetOptions options = "discard".equals(trace)
          ? NetOptions.builder().trace(event -> { }).build() : NetOptions.defaults();
      netkit = new HttpClient(options);
      netkit.connect(URI.create(
          "http://" + Servers.get("HTTP_HOST") + ":" + Servers.get("HTTP_PORT") + "/"));
    }

    @TearDown(Level.Trial)
    public void close() {
      netkit.close();
    }
  }

  /** The same GET with OkHttp used directly. */
  @State(Scope.Thread)
  public static class PlainOkHttp {
    OkHttpClient okhttp;
    String url;

    @Setup(Level.Trial)
    public void open() {
      url = "http://" + Servers.get("HTTP_HOST") + ":" + Servers.get("HTTP_PORT") + "/";
      // The settings netkit gives OkHttp that matter here: protocols, no redirects, the
      // default pool (5 idle connections, 5 minutes).
      okhttp = new OkHttpClient.Builder()
          .protocols(List.of(okhttp3.Protocol.HTTP_2, okhttp3.Protocol.HTTP_1_1))
          .followRedirects(false).followSslRedirects(false)
          .proxy(java.net.Proxy.NO_PROXY).build();
    }

    @TearDown(Level.Trial)
    public void close() {
      okhttp.dispatcher().executorService().shutdown();
      okhttp.connectionPool().evictAll();
    }
  }

  @Benchmark
  public byte[] httpGetNetkit(Http s) throws IOException {
    try (HttpResponse r = s.netkit.get("/" + SMALL)) {
      return r.body().readAllBytes();
    }
  }

  @Benchmark
  public byte[] httpGetOkHttp(PlainOkHttp s) throws IOException {
    try (Response r = s.okhttp.newCall(new Request.Builder().url(s.url + SMALL).build()).execute()) {
      return r.body().bytes();
    }
  }

  /** FTP LIST of the home and RETR of 1 KiB from vsftpd on one logged-in control connection. */
  @State(Scope.Thread)
  public static class Ftp {
    FtpClient netkit;
    FTPClient commons;

    @Setup(Level.Trial)
    public void open() throws IOException {
      String host = Servers.get("FTP_HOST");
      int port = Servers.port("FTP_PORT");
      netkit = new FtpClient(NetOptions.defaults());
      netkit.connect(Endpoint.of(host, port)
          .withCredentials(new Credentials(Servers.get("FTP_USER"), Servers.get("FTP_PASS"))));
      commons = new FTPClient();
      commons.connect(host, port);
      if (!commons.login(Servers.get("FTP_USER"), Servers.get("FTP_PASS"))) {
        throw new IOException("Commons Net login refused");
      }
      commons.enterLocalPassiveMode();
      commons.setFileType(FTP.BINARY_FILE_TYPE);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      netkit.close();
      commons.logout();
      commons.disconnect();
    }
  }

  @Benchmark
  public int ftpListRetrieveNetkit(Ftp s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    int n = s.netkit.list("/").size();
    s.netkit.retrieve("/" + SMALL, out);
    return n + out.size();
  }

  @Benchmark
  public int ftpListRetrieveCommonsNet(Ftp s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    int n = s.commons.listFiles("/").length;
    if (!s.commons.retrieveFile("/" + SMALL, out)) {
      throw new IOException("RETR failed: " + s.commons.getReplyString());
    }
    return n + out.size();
  }

  /** Gopher text document from gophernicus: one connection per request, as the protocol has it. */
  @State(Scope.Thread)
  public static class Gopher {
    @Param({"none"})
    public String trace;

    GopherClient netkit;

    @Setup(Level.Trial)
    public void open() throws IOException {
      String host = Servers.get("GOPHER_HOST");
      int port = Servers.port("GOPHER_PORT");
      netkit = new GopherClient("discard".equals(trace)
          ? NetOptions.builder().trace(event -> { }).build() : NetOptions.defaults());
      netkit.connect(Endpoint.of(host, port));
    }

    @TearDown(Level.Trial)
    public void close() {
      netkit.close();
    }
  }

  /** Where the raw-socket Gopher client connects. */
  @State(Scope.Thread)
  public static class GopherRaw {
    String host;
    int port;

    @Setup(Level.Trial)
    public void open() {
      host = Servers.get("GOPHER_HOST");
      port = Servers.port("GOPHER_PORT");
    }
  }

  @Benchmark
  public int gopherTextNetkit(Gopher s) throws IOException {
    return s.netkit.text("/hello.txt").length();
  }

  @Benchmark
  public int gopherTextRawSocket(GopherRaw s) throws IOException {
    try (Socket socket = new Socket(s.host, s.port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write("/hello.txt\r\n".getBytes(StandardCharsets.US_ASCII));
      byte[] all = socket.getInputStream().readAllBytes();
      // What the client gives back: the text without the "." line, decoded.
      int end = all.length;
      if (end >= 3 && all[end - 3] == '.' && all[end - 2] == '\r' && all[end - 1] == '\n') {
        end -= 3;
      }
      return new String(all, 0, end, StandardCharsets.UTF_8).length();
    }
  }

  /** NNTP ARTICLE of one article of the test group from INN on one connection. */
  @State(Scope.Thread)
  public static class Nntp {
    NntpClient netkit;
    Socket raw;
    InputStream rawIn;
    OutputStream rawOut;
    long article;

    @Setup(Level.Trial)
    public void open() throws IOException {
      String host = Servers.get("NNTP_HOST");
      int port = Servers.port("NNTP_PORT");
      netkit = new NntpClient(NetOptions.defaults());
      netkit.connect(Endpoint.of(host, port));
      article = netkit.group(Servers.get("NNTP_GROUP")).low();
      raw = new Socket(host, port);
      raw.setSoTimeout(30_000);
      rawIn = new java.io.BufferedInputStream(raw.getInputStream(), 8192);
      rawOut = raw.getOutputStream();
      RawLines.line(rawIn);
      rawOut.write(("GROUP " + Servers.get("NNTP_GROUP") + "\r\n").getBytes(StandardCharsets.US_ASCII));
      RawLines.line(rawIn);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      netkit.close();
      raw.close();
    }
  }

  @Benchmark
  public long nntpArticleNetkit(Nntp s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    s.netkit.article(ArticleId.number(s.article), out);
    return out.size();
  }

  @Benchmark
  public long nntpArticleRawSocket(Nntp s) throws IOException {
    s.rawOut.write(("ARTICLE " + s.article + "\r\n").getBytes(StandardCharsets.US_ASCII));
    String status = RawLines.line(s.rawIn);
    if (!status.startsWith("220")) {
      throw new IOException("ARTICLE: " + status);
    }
    return RawLines.dotBody(s.rawIn, new ByteArrayOutputStream(4096));
  }
}
