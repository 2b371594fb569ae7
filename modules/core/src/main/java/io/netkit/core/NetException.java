package io.netkit.core;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every failure netkit reports: a network or protocol problem while talking to a
 * server. It carries the protocol and host when known and, when the server said no, the server's
 * reply code and text.
 *
 * <p>Messages never contain a password: netkit builds them from endpoints (whose string form
 * hides credentials) and from server replies, never from commands it sent.
 *
 * <p>Subtypes let callers react by kind: {@link NetTimeoutException}, {@link NetConnectException},
 * {@link NetTlsException}, {@link NetAuthenticationException}, {@link NetReplyException} and
 * {@link NetProtocolException}. Instances are immutable.
 */
public class NetException extends IOException {
  private final String protocol;
  private final String host;
  private final int replyCode;
  private final String replyText;
  private final String detail;

  /** A failure with no server reply; {@code context} may be {@link ErrorContext#NONE}. */
  public NetException(ErrorContext context, String message, Throwable cause) {
    this(context, message, -1, null, cause);
  }

  /** A failure with no server reply and no context. */
  public NetException(String message) {
    this(ErrorContext.NONE, message, null);
  }

  /**
   * A failure that carries the server's reply.
   *
   * @param replyCode the server's reply code, or -1 when the server gave none
   * @param replyText the server's reply text, or null
   */
  protected NetException(
      ErrorContext context, String message, int replyCode, String replyText, Throwable cause) {
    super(compose(Objects.requireNonNull(context, "context"), message), cause);
    this.protocol = context.protocol();
    this.host = context.host();
    this.replyCode = replyCode;
    this.replyText = replyText;
    this.detail = message;
  }

  private static String compose(ErrorContext context, String message) {
    String where = context.describe();
    return where.isEmpty() ? message : where + ": " + message;
  }

  /** The protocol's name ({@code "ftp"}, {@code "gopher"}, ...) when known. */
  public Optional<String> protocol() {
    return Optional.ofNullable(protocol);
  }

  /** The host (and port) being talked to, when known; never with credentials. */
  public Optional<String> host() {
    return Optional.ofNullable(host);
  }

  /** The server's reply code when the server answered with one. */
  public OptionalInt replyCode() {
    return replyCode < 0 ? OptionalInt.empty() : OptionalInt.of(replyCode);
  }

  /** The server's reply text when the server answered with one. */
  public Optional<String> replyText() {
    return Optional.ofNullable(replyText);
  }

  /** The message without the protocol and host prefix. */
  public String detail() {
    return detail;
  }
}
