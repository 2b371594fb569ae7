package io.netkit.http.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.NetOptions;
import io.netkit.http.HttpOptions;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class ClientsTest {
  @Test
  void aPlainUrlNeverMakesTheTlsClientAndAnHttpsOneSharesThePool() {
    Clients clients = Engine.build(NetOptions.defaults(), HttpOptions.defaults(), CookieJar.NO_COOKIES);
    try {
      OkHttpClient plain = clients.forUrl(HttpUrl.get("http://127.0.0.1:8080/a"));
      assertFalse(clients.madeTls(), "no trust store read for http://");
      assertTrue(plain.connectionSpecs().stream().noneMatch(okhttp3.ConnectionSpec::isTls));
      OkHttpClient tls = clients.forUrl(HttpUrl.get("https://127.0.0.1:8443/a"));
      assertTrue(clients.madeTls());
      assertSame(tls, clients.forUrl(HttpUrl.get("https://example.test/b")), "made once");
      assertSame(plain.connectionPool(), tls.connectionPool(), "one pool for both");
      assertSame(plain.dispatcher(), tls.dispatcher(), "one dispatcher: close ends both");
      assertTrue(tls.connectionSpecs().stream().anyMatch(okhttp3.ConnectionSpec::isTls));
    } finally {
      clients.close();
    }
  }
}
