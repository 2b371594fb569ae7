package io.netkit.interop.http;

import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.http.HttpClient;
import io.netkit.http.HttpResponse;
import io.netkit.interop.Digests.Sha256Sink;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM with a small heap by {@link SmallHeapGetInteropTest}: GETs one URL into a
 * hashing sink and prints {@code bytes sha256 protocol maxHeapBytes}. Arguments: URL, CA PEM.
 */
public final class SmallHeapGetChild {
  private SmallHeapGetChild() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    NetOptions.Builder options = NetOptions.builder().readTimeout(Duration.ofSeconds(20))
        .trust(Trust.pemFile(Path.of(args[1])));
    if (url.getScheme().equals("https")) {
      options.tlsMode(TlsMode.IMPLICIT);
    }
    Sha256Sink sink = new Sha256Sink();
    long bytes;
    String protocol;
    try (HttpClient http = new HttpClient(options.build())) {
      http.connect(url);
      try (HttpResponse r = http.get(url.getRawPath()); InputStream body = r.body()) {
        protocol = r.protocol();
        bytes = body.transferTo(sink);
      }
    }
    System.out.println(bytes + " " + sink.hex() + " " + protocol + " " + Runtime.getRuntime().maxMemory());
  }
}
