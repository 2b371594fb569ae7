package io.netkit.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One of the classic internet protocols: its name, URL schemes and well-known ports. The eight
 * that netkit speaks are constants here; {@link #all()} lists them in the order of the socket
 * tutorial's table. Immutable.
 *
 * <p>FTP's control port is 21. The tutorial's table shows 20, which is FTP's <em>active-mode data
 * port</em>: the server connects from port 20 to the client for each transfer in active mode.
 * {@link #dataPort()} reports it.
 */
public final class Protocol {
  /** HTTP: port 80, HTTPS 443. */
  public static final Protocol HTTP = new Protocol("http", 80, 443, 0, "http", "https");
  /** NNTP (RFC 3977): port 119, NNTPS 563; {@code news:} URLs too. */
  public static final Protocol NNTP = new Protocol("nntp", 119, 563, 0, "nntp", "nntps", "news");
  /** FTP: control port 21 (active data from 20), FTPS implicit 990. */
  public static final Protocol FTP = new Protocol("ftp", 21, 990, 20, "ftp", "ftps");
  /** SMTP: port 25, SMTPS 465 (submission with STARTTLS on 587). */
  public static final Protocol SMTP = new Protocol("smtp", 25, 465, 0, "smtp", "smtps");
  /** POP3: port 110, POP3S 995. */
  public static final Protocol POP3 = new Protocol("pop3", 110, 995, 0, "pop3", "pop3s");
  /** IMAP4: port 143, IMAPS 993. */
  public static final Protocol IMAP = new Protocol("imap", 143, 993, 0, "imap", "imaps");
  /** Telnet: port 23. */
  public static final Protocol TELNET = new Protocol("telnet", 23, 0, 0, "telnet");
  /** Gopher (RFC 1436): port 70; {@code gophers} is Gopher over TLS on the same port. */
  public static final Protocol GOPHER = new Protocol("gopher", 70, 70, 0, "gopher", "gophers");

  private static final List<Protocol> ALL =
      List.of(HTTP, NNTP, FTP, SMTP, POP3, IMAP, TELNET, GOPHER);

  private final String name;
  private final int defaultPort;
  private final int tlsPort;
  private final int dataPort;
  private final List<String> schemes;

  private Protocol(String name, int defaultPort, int tlsPort, int dataPort, String... schemes) {
    this.name = name;
    this.defaultPort = defaultPort;
    this.tlsPort = tlsPort;
    this.dataPort = dataPort;
    this.schemes = List.of(schemes);
  }

  /** All eight protocols, in the tutorial's order. */
  public static List<Protocol> all() {
    return ALL;
  }

  /** The protocol owning a URL scheme ({@code "ftps"} -> FTP), case-insensitively. */
  public static Optional<Protocol> forScheme(String scheme) {
    String key = scheme.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(p -> p.schemes.contains(key)).findFirst();
  }

  /** The protocol with this name ({@code "imap"}), case-insensitively. */
  public static Optional<Protocol> named(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    return ALL.stream().filter(p -> p.name.equals(key)).findFirst();
  }

  /** Lower-case name, e.g. {@code "ftp"}. */
  public String name() {
    return name;
  }

  /** The well-known port of the plain protocol. */
  public int defaultPort() {
    return defaultPort;
  }

  /** The well-known port of the implicit-TLS variant, if there is one. */
  public OptionalInt tlsPort() {
    return tlsPort == 0 ? OptionalInt.empty() : OptionalInt.of(tlsPort);
  }

  /** A separate well-known data port (FTP's active-mode 20), if the protocol has one. */
  public OptionalInt dataPort() {
    return dataPort == 0 ? OptionalInt.empty() : OptionalInt.of(dataPort);
  }

  /** The URL schemes, plain first. */
  public List<String> schemes() {
    return schemes;
  }

  /** True for the implicit-TLS schemes: https, nntps, ftps, smtps, pop3s, imaps, gophers. */
  public static boolean isTlsScheme(String scheme) {
    String key = scheme.toLowerCase(Locale.ROOT);
    return key.endsWith("s") && !key.equals("news") && forScheme(key).isPresent();
  }

  /** The default port for one of this protocol's schemes (443 for https, 21 for ftp). */
  public int defaultPort(String scheme) {
    Objects.requireNonNull(scheme, "scheme");
    return isTlsScheme(scheme) && tlsPort != 0 ? tlsPort : defaultPort;
  }

  @Override
  public String toString() {
    return name;
  }
}
