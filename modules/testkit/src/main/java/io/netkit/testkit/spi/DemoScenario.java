package io.netkit.testkit.spi;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.testkit.MockServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A short, real session a protocol module runs against its own testkit server to show that it
 * works end to end: {@code netkit demo} runs one per protocol the build supports and prints what
 * each did. Found with {@link java.util.ServiceLoader} (list the class in {@code
 * META-INF/services/io.netkit.testkit.spi.DemoScenario}); needs a public no-argument constructor.
 *
 * <p>Optional: a protocol without a scenario gets the command's generic session (list the root
 * URL, fetch every listed file and compare it with the file served, upload a file and fetch it
 * back when the protocol can store). A protocol contributes a scenario when that generic session
 * does not fit it (mail: send, then read back) or when it wants to show more.
 *
 * <p>The order of calls: {@link #prepare} fills an empty directory, a server is made from it
 * with the protocol's {@link MockServerProvider} and {@link #account()}, started on a free
 * loopback port, handed to {@link #run}, and stopped afterwards whatever happens. Scenarios talk
 * to the server only through netkit's public client API and only over loopback.
 */
public interface DemoScenario {
  /** The protocol shown. */
  Protocol protocol();

  /**
   * Writes the files the session will use into {@code root}, an empty directory.
   *
   * @throws IOException when they cannot be written
   */
  void prepare(Path root) throws IOException;

  /** The account the server is started with and the session logs in with; empty by default. */
  default Optional<Credentials> account() {
    return Optional.empty();
  }

  /**
   * Runs the session against the started {@code server}, with {@code options} (timeouts, trace)
   * as the user gave them.
   *
   * @return what was done and how many bytes moved
   * @throws IOException when any step fails, or when what came back differs from what was sent
   *     or served (a demo that "succeeds" with wrong bytes must fail)
   */
  DemoResult run(MockServer server, NetOptions options) throws IOException;
}
