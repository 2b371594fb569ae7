package io.netkit.core.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code Netkit.probe} learnt about a server: where the name resolved and which address was
 * used, how long connecting took, the greeting and the capabilities announced, how TLS went (the
 * certificate chain even when it failed verification), the login mechanisms offered and, when
 * credentials were given, whether the login worked. Protocol-neutral: each protocol's {@link
 * io.netkit.core.spi.ProbeProvider} fills in its part. A probe that failed part-way still gives a
 * report: {@link #failure()} says at which stage and why, and what was learnt before is kept.
 *
 * <p>Immutable and thread-safe. {@link #toJson()} is the stable shape documented in {@code
 * docs/probe.md}; fields are only ever added to it.
 *
 * @param url the URL probed, without its userinfo
 * @param protocol the protocol's name
 * @param host the host name (or address) of the URL
 * @param port the port used
 * @param addresses every address the host name resolved to, in the resolver's order
 * @param address the address connected to; null when no connection was made
 * @param connectTime how long the TCP connect took; null when no connection was made
 * @param greeting the server's greeting or banner (server-supplied text), or null
 * @param capabilities the capabilities announced, as the server spelt them, after STARTTLS when
 *     it was used (EHLO keywords, CAPA, CAPABILITY, FEAT, CAPABILITIES...)
 * @param details other facts, by name, in the order found (HTTP: {@code status}, {@code server};
 *     Gopher: {@code menu items})
 * @param startTls what happened with STARTTLS
 * @param tls the TLS session, when a handshake was attempted; null otherwise
 * @param mechanisms the login mechanisms offered (SASL names, {@code USER}, {@code LOGIN},
 *     HTTP authentication schemes), without logging in
 * @param login the result of logging in with the given credentials
 * @param failure why the probe stopped early, or null when it ran to its end
 */
public record ProbeReport(
    String url,
    String protocol,
    String host,
    int port,
    List<String> addresses,
    String address,
    Duration connectTime,
    String greeting,
    List<String> capabilities,
    Map<String, String> details,
    StartTls startTls,
    Tls tls,
    List<String> mechanisms,
    Login login,
    Failure failure) {

  /** Copies the collections. */
  public ProbeReport {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(protocol, "protocol");
    addresses = List.copyOf(addresses);
    capabilities = List.copyOf(capabilities);
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    Objects.requireNonNull(startTls, "startTls");
    mechanisms = List.copyOf(mechanisms);
    Objects.requireNonNull(login, "login");
  }

  /** True when the probe ran to its end without failing. */
  public boolean ok() {
    return failure == null;
  }

  /** The failure, if any. */
  public Optional<Failure> failureIfAny() {
    return Optional.ofNullable(failure);
  }

  /** The report as JSON, in the shape {@code docs/probe.md} documents (one line, UTF-8 text). */
  public String toJson() {
    return ProbeJson.write(this);
  }

  /** What happened with STARTTLS (or AUTH TLS, STLS). */
  public enum StartTls {
    /** Not applicable: the protocol has no STARTTLS, or TLS was on from the first byte. */
    NONE,
    /** The server does not offer it. */
    NOT_OFFERED,
    /** The server offers it; the upgrade was not tried (a failure came first). */
    OFFERED,
    /** The upgrade worked: the rest of the probe ran inside TLS. */
    UPGRADED,
    /** The server offered it but refused the command, or the handshake failed. */
    FAILED
  }

  /**
   * The TLS session, or the attempt at one.
   *
   * @param mode {@code implicit} (TLS from the first byte) or {@code starttls}
   * @param established true when the handshake completed
   * @param version the protocol version (e.g. {@code TLSv1.3}), or null when not established
   * @param cipher the cipher suite, or null when not established
   * @param alpnOffered the application protocols the probe offered (empty: none)
   * @param alpn the application protocol the server chose, or null
   * @param chain the certificates the server sent, its own first; empty when it sent none
   * @param verified true when the chain and host name verify against the trust in use
   * @param verifyError why verification failed (or the handshake, when it failed before), or null
   */
  public record Tls(
      String mode,
      boolean established,
      String version,
      String cipher,
      List<String> alpnOffered,
      String alpn,
      List<Certificate> chain,
      boolean verified,
      String verifyError) {
    /** Copies the lists. */
    public Tls {
      Objects.requireNonNull(mode, "mode");
      alpnOffered = List.copyOf(alpnOffered);
      chain = List.copyOf(chain);
    }

    /** The server's own certificate, if it sent one. */
    public Optional<Certificate> leaf() {
      return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
    }
  }

  /**
   * One certificate of a chain.
   *
   * @param subject the subject's distinguished name (RFC 2253)
   * @param issuer the issuer's distinguished name (RFC 2253)
   * @param subjectAltNames the DNS names and IP addresses it names, as {@code DNS:x}, {@code IP:y}
   * @param notBefore when it becomes valid
   * @param notAfter when it expires
   * @param daysLeft whole days from the probe to {@code notAfter}; negative once expired
   * @param sha256 the SHA-256 fingerprint of its encoding, as lower-case hex
   */
  public record Certificate(
      String subject,
      String issuer,
      List<String> subjectAltNames,
      Instant notBefore,
      Instant notAfter,
      long daysLeft,
      String sha256) {
    /** Copies the list. */
    public Certificate {
      subjectAltNames = List.copyOf(subjectAltNames);
    }
  }

  /**
   * What happened when logging in with the given credentials (never the credentials themselves).
   *
   * @param status the outcome
   * @param message the server's or the client's word on it (no password), or null
   */
  public record Login(LoginStatus status, String message) {
    /** No login was tried. */
    public static final Login NOT_TRIED = new Login(LoginStatus.NOT_TRIED, null);

    /** Checks the status. */
    public Login {
      Objects.requireNonNull(status, "status");
    }
  }

  /** The outcome of a login attempt. */
  public enum LoginStatus {
    /** No credentials were given, or the probe failed before. */
    NOT_TRIED,
    /** The protocol has no login (Gopher). */
    NOT_APPLICABLE,
    /** The server accepted the credentials. */
    SUCCEEDED,
    /** The server refused them, or the attempt failed. */
    FAILED
  }

  /**
   * Why the probe stopped.
   *
   * @param stage where it stopped
   * @param message one line, no password
   */
  public record Failure(Stage stage, String message) {
    /** Checks the fields. */
    public Failure {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(message, "message");
    }
  }

  /** Where a probe can stop. */
  public enum Stage {
    /** The host name did not resolve. */
    RESOLVE,
    /** The TCP connection failed (refused, unreachable). */
    CONNECT,
    /** The server was silent for longer than a timeout (connect, read or deadline). */
    TIMEOUT,
    /** The TLS handshake failed for a reason other than verification. */
    TLS,
    /** The certificate chain or host name did not verify against the trust in use. */
    VERIFY,
    /** STARTTLS was required and is not offered, or the server refused it. */
    STARTTLS,
    /** The server broke its protocol, or the conversation failed otherwise. */
    PROTOCOL
  }
}
