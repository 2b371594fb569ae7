package io.netkit.testkit.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.trace.TraceMasker;
import io.netkit.core.transport.TcpConnection;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SecretsGuardTest {

  @BeforeEach
  void cleanSlate() throws InterruptedException {
    SecretsGuard.installNow();
    SecretsGuard.takeFindings();
  }

  @Test
  void aPasswordSentUnmaskedOnAClientConnectionIsFoundInTheTrace() throws Exception {
    Credentials account = new Credentials("alice", "guard-secret-41");
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (Exception e) {
          return e.toString();
        }
      });
      // No trace asked for and no masker: the guard's tap traces the connection anyway.
      try (TcpConnection c = TcpConnection.connect(
          Endpoint.loopback(server.getLocalPort()), NetOptions.defaults(), "guard-test")) {
        c.writeLine("PASS " + account.password());
      }
      assertTrue(received.get(10, TimeUnit.SECONDS).contains(account.password()));
    }
    List<String> found = SecretsGuard.takeFindings();
    assertEquals(1, found.size(), found.toString());
    assertTrue(found.get(0).contains("the trace of guard-test"), found.get(0));
    assertTrue(!found.get(0).contains(account.password()), "the report shows the secret");
  }

  @Test
  void aMaskedTraceIsClean() throws Exception {
    Credentials account = new Credentials("bob", "guard-secret-42");
    NetOptions masked =
        NetOptions.builder().traceMasker(TraceMasker.commandArguments("PASS")).build();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture.runAsync(() -> {
        try (Socket s = server.accept()) {
          s.getInputStream().readAllBytes();
        } catch (Exception ignored) {
          // the test looks at the client's trace only
        }
      });
      try (TcpConnection c = TcpConnection.connect(
          Endpoint.loopback(server.getLocalPort()), masked, "guard-test")) {
        c.writeLine("PASS " + account.password());
      }
    }
    assertEquals(List.of(), SecretsGuard.takeFindings());
  }

  @Test
  void theBase64OfASecretInsideALongerBlobIsFound() throws Exception {
    Credentials account = new Credentials("carol", "guard-secret-43");
    for (String prefix : List.of("", "x", "xy", "xyz")) {
      String blob = Base64.getEncoder().encodeToString(
          (prefix + "\0carol\0" + account.password() + "\0tail").getBytes(StandardCharsets.UTF_8));
      System.out.println("AUTH PLAIN " + blob);
      assertEquals(1, SecretsGuard.takeFindings().size(), "prefix '" + prefix + "'");
    }
  }

  @Test
  void anExceptionThatQuotesASecretFails() {
    Credentials account = new Credentials("dave", "guard-secret-44");
    Exception leaky = new RuntimeException("wrapper",
        new IllegalStateException("login failed for " + account.password()));
    AssertionError e =
        assertThrows(AssertionError.class, () -> SecretsGuard.assertNoSecretIn(leaky));
    assertTrue(!e.getMessage().contains(account.password()), e.getMessage());
  }

  @Test
  void shortSecretsAndPasswordsEqualToTheUserAreNotSearchedFor() throws Exception {
    new Credentials("erin", "pw");
    new Credentials("frank", "frank");
    System.out.println("pw frank");
    assertEquals(List.of(), SecretsGuard.takeFindings());
  }
}
