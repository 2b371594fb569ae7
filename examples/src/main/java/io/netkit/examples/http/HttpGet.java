package io.netkit.examples.http;

import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.TransferListener;
import io.netkit.core.Trust;
import io.netkit.http.HttpClient;
import io.netkit.http.HttpOptions;
import io.netkit.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Fetches a URL, as {@code curl -L} would: prints the status line, protocol and headers on
 * standard error and the body on standard output, or downloads it to a file (through a part file,
 * resumable).
 *
 * <pre>
 * java -cp examples/target/netkit-examples.jar io.netkit.examples.http.HttpGet URL [-o FILE] [--cacert CA.pem]
 * </pre>
 *
 * Try it against the testkit server ({@code ./netkit serve http --root DIR}) or the real-server
 * harness's nginx ({@code https://localhost:17443/hello.txt --cacert /tmp/netkit-servers/tls/ca.pem},
 * which answers over HTTP/2). A status of 400 or more exits 22, as {@code curl -f} does.
 */
public final class HttpGet {
  private HttpGet() {}

  public static void main(String[] args) throws IOException {
    URI url = null;
    Path output = null;
    Trust trust = Trust.system();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-o" -> output = Path.of(args[++i]);
        case "--cacert" -> trust = Trust.pemFile(Path.of(args[++i]));
        default -> url = URI.create(args[i]);
      }
    }
    if (url == null) {
      System.err.println("usage: HttpGet URL [-o FILE] [--cacert CA.pem]");
      System.exit(2);
    }
    NetOptions options = NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .trust(trust)
        .build();
    String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      target += "?" + url.getRawQuery();
    }
    try (HttpClient http = new HttpClient(options, HttpOptions.builder().followRedirects(true).build())) {
      http.connect(url);
      if (output != null) {
        long bytes = http.download(target, output, TransferListener.NONE);
        System.err.println("saved " + bytes + " bytes to " + output);
        return;
      }
      try (HttpResponse response = http.get(target)) {
        System.err.println(response + " " + response.url());
        for (Map.Entry<String, String> field : response.headers().fields()) {
          System.err.println(field.getKey() + ": " + field.getValue());
        }
        if (response.status() >= 400) {
          System.exit(22);
        }
        try (InputStream body = response.body()) {
          body.transferTo(System.out);
        }
        System.out.flush();
      }
    } catch (NetException e) {
      System.err.println("HttpGet: " + e.getMessage());
      System.exit(e.replyCode().isPresent() ? 22 : 1);
    }
  }
}
