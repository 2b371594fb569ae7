package io.netkit.cli;

import io.netkit.cli.internal.ProxyEnvironment;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.NetOptions;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.RequestProvider;
import java.net.URI;
import picocli.CommandLine.Option;

/**
 * curl's {@code -x}/{@code --noproxy}, and its proxy environment variables, for every command that
 * talks to a URL ({@code get}, {@code put}, {@code rm}). Only a protocol that makes requests (a
 * {@link RequestProvider}: HTTP) goes through a proxy; for any other, {@code -x} is a usage error
 * and the environment is not read. A picocli mixin: one instance per command invocation.
 */
public final class ProxyOptions {
  @Option(names = {"-x", "--proxy"}, paramLabel = "[http://][USER:PW@]HOST[:PORT]", description = "Use this HTTP proxy (default port 1080); else http_proxy / https_proxy / all_proxy.")
  String proxy;

  @Option(names = "--noproxy", paramLabel = "HOSTS", description = "Comma-separated hosts to reach directly ('*': all); else no_proxy.")
  String noProxy;

  /** True when {@code -x} or {@code --noproxy} was given. */
  boolean given() {
    return proxy != null || noProxy != null;
  }

  /**
   * {@code options} with the proxy that {@code -x}, {@code --noproxy} and the environment pick
   * for {@code url}, when {@code provider} makes requests; {@code options} unchanged otherwise.
   *
   * @throws UsageException when {@code -x} or {@code --noproxy} is given for a protocol that has no
   *     proxies
   */
  NetOptions apply(ClientProvider provider, NetOptions options, URI url) {
    if (!(provider instanceof RequestProvider)) {
      if (given()) {
        throw new UsageException(url.getScheme() + ":// does not go through proxies (-x, --noproxy)");
      }
      return options;
    }
    return ProxyEnvironment.forUrl(url, proxy, noProxy, System.getenv())
        .map(p -> options.toBuilder().proxy(p).build())
        .orElse(options);
  }
}
