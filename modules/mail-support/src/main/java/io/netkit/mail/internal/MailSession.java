package io.netkit.mail.internal;

import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetOptions;
import jakarta.mail.Session;
import java.util.Objects;

/**
 * A {@link Session} made by {@link MailSessions#open}, with what a protocol module needs beside it:
 * the Angus provider name to ask for ({@code session().getTransport(providerName())}, {@code
 * getStore(providerName())}), the options its sockets were made with (the caller's, with the
 * authentication masker added), and error contexts.
 *
 * <p>Immutable and thread-safe as far as this class goes; the {@link Session} is Angus's (its
 * properties must not be changed: use the settings of {@link MailSessions#open(MailProtocol,
 * NetOptions, java.util.Map)} instead). Each transport or store taken from the session opens its
 * own connection through the core.
 */
public final class MailSession {
  private final MailProtocol protocol;
  private final String providerName;
  private final Session session;
  private final NetOptions options;
  private final Runnable abort;

  MailSession(
      MailProtocol protocol, String providerName, Session session, NetOptions options, Runnable abort) {
    this.protocol = protocol;
    this.providerName = providerName;
    this.session = session;
    this.options = options;
    this.abort = abort;
  }

  /** The protocol. */
  public MailProtocol protocol() {
    return protocol;
  }

  /** Angus's provider name: {@code smtp} or {@code smtps}, {@code imap} or {@code imaps}, ... */
  public String providerName() {
    return providerName;
  }

  /** The full name of one of this session's properties: {@code "timeout"} -> {@code mail.smtps.timeout}. */
  public String property(String suffix) {
    return "mail." + providerName + "." + Objects.requireNonNull(suffix, "suffix");
  }

  /** The Angus session. */
  public Session session() {
    return session;
  }

  /**
   * The options this session's sockets were made with: the caller's, with {@link
   * io.netkit.core.trace.TraceMasker#authExchanges()} added to the trace masker.
   */
  public NetOptions options() {
    return options;
  }

  /**
   * Closes every connection this session's transports and stores opened, at once and without any
   * goodbye (no QUIT, no LOGOUT, no TLS close_notify waited for). For when the conversation must
   * not go on: a DATA section whose source failed half-way must never be ended with its dot line,
   * and a QUIT sent then would be taken as a line of the message. Safe from any thread; the
   * transport or store then fails its next operation; closing it is still needed
   * (and may itself fail, having nothing left to say goodbye on: ignore that).
   */
  public void abort() {
    abort.run();
  }

  /** Where failures happen when talking to {@code endpoint}: this protocol's label and the host. */
  public ErrorContext context(Endpoint endpoint) {
    return ErrorContext.of(protocol.label(), endpoint);
  }

  /** The endpoint's port, or this session's default: the implicit-TLS port for the s-providers. */
  public int port(Endpoint endpoint) {
    return endpoint.port() != 0
        ? endpoint.port()
        : protocol.protocol().defaultPort(providerName);
  }
}
