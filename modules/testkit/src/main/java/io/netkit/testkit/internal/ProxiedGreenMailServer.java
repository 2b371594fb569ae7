package io.netkit.testkit.internal;

import com.icegreen.greenmail.util.GreenMail;
import io.netkit.core.Endpoint;
import io.netkit.core.Protocol;
import io.netkit.testkit.Fault;
import io.netkit.testkit.FaultProxy;
import io.netkit.testkit.MockServer;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * A mock that is GreenMail behind a {@link FaultProxy} (the SMTP and POP3 mocks): GreenMail
 * listens on free ports of its own, clients reach its first service through the proxy on {@link
 * #port()}, which misbehaves on request. Start, stop, ports and faults in one place; thread-safe.
 */
public abstract class ProxiedGreenMailServer implements MockServer {
  private final Protocol protocol;
  private final String[] services;
  private final FaultProxy proxy;
  private GreenMailEngine greenMail;
  private volatile int enginePort;

  /**
   * For {@code protocol}, proxying GreenMail's {@code services[0]} (a {@code ServerSetup.PROTOCOL_}
   * name); the other services run beside it, reached directly.
   */
  protected ProxiedGreenMailServer(Protocol protocol, String... services) {
    if (services.length == 0) {
      throw new IllegalArgumentException("no service");
    }
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.services = services.clone();
    this.proxy = new FaultProxy(protocol, this::engineEndpoint);
  }

  @Override
  public final Protocol protocol() {
    return protocol;
  }

  /** Sets GreenMail up before it starts (users, configuration); called while locked. */
  protected void configure(GreenMail engine) {}

  /** Seeds or hooks into GreenMail once it runs, before the proxy starts; called while locked. */
  protected void started(GreenMailEngine engine) {}

  /**
   * Starts GreenMail, then the proxy on {@code port} (0: a free one).
   *
   * @throws IOException when either cannot start (then neither runs)
   * @throws IllegalStateException when already started
   */
  @Override
  public final synchronized void start(int port) throws IOException {
    if (greenMail != null) {
      throw new IllegalStateException("already started");
    }
    String what = "the " + protocol.name().toUpperCase(Locale.ROOT) + " mock";
    greenMail = GreenMailEngine.start(what, this::configure, services);
    try {
      started(greenMail);
      enginePort = greenMail.port(services[0]);
      proxy.start(port);
    } catch (IOException | RuntimeException e) {
      stop();
      throw new IOException("cannot start " + what + " on " + GreenMailEngine.HOST + ":" + port + ": "
          + e.getMessage(), e);
    }
  }

  /** The running engine, or null when stopped. */
  protected final synchronized GreenMailEngine engine() {
    return greenMail;
  }

  @Override
  public final synchronized boolean isRunning() {
    return greenMail != null;
  }

  @Override
  public final synchronized int port() {
    requireRunning();
    return proxy.port();
  }

  /**
   * The fault proxy in front of GreenMail, for faults at a named point (after the greeting, mid
   * reply, after N bytes, after a STARTTLS go-ahead) and for what clients sent ({@link
   * FaultProxy#clientLines()}).
   */
  public final FaultProxy proxy() {
    return proxy;
  }

  /**
   * The port of GreenMail's service for {@code service}, reached without the proxy.
   *
   * @throws IllegalStateException when not started
   */
  protected final synchronized int enginePort(String service) {
    requireRunning();
    return greenMail.port(service);
  }

  /** Applied by the {@link #proxy()} to connections accepted from now on. */
  @Override
  public final void fault(Fault fault) {
    proxy.fault(Objects.requireNonNull(fault, "fault"));
  }

  /** Stops the proxy, then GreenMail; idempotent. */
  @Override
  public synchronized void stop() {
    proxy.stop();
    enginePort = 0;
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  private void requireRunning() {
    if (greenMail == null) {
      throw new IllegalStateException("not started");
    }
  }

  /** Where the proxy connects; not synchronized, so that stop() cannot wait on a relay thread. */
  private Endpoint engineEndpoint() {
    int port = enginePort;
    if (port <= 0) {
      throw new IllegalStateException("not started");
    }
    return Endpoint.of(GreenMailEngine.HOST, port);
  }
}
