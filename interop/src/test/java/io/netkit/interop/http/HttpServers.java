package io.netkit.interop.http;

import io.netkit.core.NetOptions;
import io.netkit.core.Proxy;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.interop.RealServers;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/** The nginx and tinyproxy of scripts/servers.sh, as the HTTP interop tests use them. */
final class HttpServers {
  final RealServers servers = RealServers.load();

  URI http(String path) {
    servers.requireReachable("HTTP_HOST", "HTTP_PORT");
    return URI.create("http://" + servers.require("HTTP_HOST") + ":" + servers.port("HTTP_PORT") + path);
  }

  /** HTTPS by the certificate's name, {@code localhost}. */
  URI https(String path) {
    servers.requireReachable("HTTP_HOST", "HTTPS_PORT");
    return URI.create("https://localhost:" + servers.port("HTTPS_PORT") + path);
  }

  Proxy proxy() {
    servers.requireReachable("PROXY_HOST", "PROXY_PORT");
    return Proxy.http(servers.require("PROXY_HOST"), servers.port("PROXY_PORT"));
  }

  Trust scriptCa() throws IOException {
    return Trust.pemFile(servers.path("CA_PEM"));
  }

  static NetOptions.Builder options() {
    return NetOptions.builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(20));
  }

  NetOptions.Builder tlsOptions() throws IOException {
    return options().trust(scriptCa()).tlsMode(TlsMode.IMPLICIT);
  }

  String davPath(String suffix) {
    return servers.require("HTTP_DAV_PATH") + "netkit-interop-" + UUID.randomUUID() + suffix;
  }
}
