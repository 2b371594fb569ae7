package io.netkit.cli.internal;

import io.netkit.core.Credentials;
import io.netkit.core.Proxy;
import io.netkit.core.spi.ClientProvider;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which proxy a URL goes through, as curl decides it: {@code -x} first; else the environment's
 * {@code http_proxy} for http URLs (lower case only: a CGI program's {@code HTTP_PROXY} comes from
 * a request header), {@code https_proxy} or {@code HTTPS_PROXY} for https, then {@code all_proxy}
 * or {@code ALL_PROXY}; never for a host that {@code --noproxy} or {@code no_proxy}/{@code
 * NO_PROXY} lists (comma-separated names, each matching itself and its subdomains, a leading dot
 * allowed; {@code *} matches everything). A proxy is written {@code [http://][user:pw@]host[:port]},
 * port 1080 by default as in curl.
 */
public final class ProxyEnvironment {
  private ProxyEnvironment() {}

  /** The proxy for {@code url}, if any. */
  public static Optional<Proxy> forUrl(
      URI url, String option, String noProxyOption, Map<String, String> env) {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    String noProxy = noProxyOption != null ? noProxyOption : first(env, "no_proxy", "NO_PROXY");
    if (noProxy != null && excluded(host, noProxy)) {
      return Optional.empty();
    }
    String spec = option;
    if (spec == null) {
      boolean https = "https".equalsIgnoreCase(url.getScheme());
      spec = https ? first(env, "https_proxy", "HTTPS_PROXY") : first(env, "http_proxy");
      if (spec == null) {
        spec = first(env, "all_proxy", "ALL_PROXY");
      }
    }
    return spec == null || spec.isBlank() ? Optional.empty() : Optional.of(parse(spec.trim()));
  }

  /** Parses {@code [http://][user:password@]host[:port]}. */
  public static Proxy parse(String spec) {
    String text = spec.contains("://") ? spec : "http://" + spec;
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("bad proxy '" + Failures.maskUserinfo(spec) + "'");
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      throw new UsageException("unsupported proxy '" + Failures.maskUserinfo(spec)
          + "': only http:// proxies are supported");
    }
    Proxy proxy = Proxy.http(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 1080);
    String info = uri.getRawUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      proxy = proxy.withCredentials(new Credentials(
          ClientProvider.decode(colon < 0 ? info : info.substring(0, colon)),
          colon < 0 ? "" : ClientProvider.decode(info.substring(colon + 1))));
    }
    return proxy;
  }

  private static boolean excluded(String host, String list) {
    for (String entry : list.split(",")) {
      String name = entry.trim().toLowerCase(Locale.ROOT);
      if (name.equals("*")) {
        return true;
      }
      if (name.startsWith(".")) {
        name = name.substring(1);
      }
      if (!name.isEmpty() && (host.equals(name) || host.endsWith("." + name))) {
        return true;
      }
    }
    return false;
  }

  private static String first(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }
}
