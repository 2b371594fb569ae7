package io.netkit.cli;

/**
 * The {@code netkit} command's exit codes. Where curl has a code for the same failure, netkit
 * uses curl's number, so scripts that already test curl's codes keep working.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>success</td></tr>
 *   <tr><td>1</td><td>any other failure (a demo session that failed, an unclassified error)</td></tr>
 *   <tr><td>2</td><td>usage: bad option, bad or unsupported URL, operation the protocol lacks</td></tr>
 *   <tr><td>6</td><td>the host name could not be resolved</td></tr>
 *   <tr><td>7</td><td>the connection could not be made (refused, unreachable)</td></tr>
 *   <tr><td>8</td><td>the server broke the protocol (a reply that makes no sense)</td></tr>
 *   <tr><td>22</td><td>the server refused the request (its reply is printed)</td></tr>
 *   <tr><td>23</td><td>a local file could not be read or written</td></tr>
 *   <tr><td>28</td><td>timeout: connect, idle read, or {@code --max-time}</td></tr>
 *   <tr><td>35</td><td>TLS failure: handshake, untrusted certificate, wrong host name</td></tr>
 *   <tr><td>67</td><td>the server rejected the login</td></tr>
 * </table>
 */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** Any failure without a more specific code. */
  public static final int FAILURE = 1;
  /** The command line or URL is wrong, or asks for something the protocol cannot do. */
  public static final int USAGE = 2;
  /** The host name could not be resolved (curl 6). */
  public static final int CANNOT_RESOLVE = 6;
  /** The connection could not be made (curl 7). */
  public static final int CANNOT_CONNECT = 7;
  /** The server's answer broke the protocol (curl 8, "weird server reply"). */
  public static final int PROTOCOL_ERROR = 8;
  /** The server understood and refused (curl 22, "server returned an error"). */
  public static final int SERVER_REFUSED = 22;
  /** A local file could not be read or written (curl 23). */
  public static final int LOCAL_FILE = 23;
  /** An operation timed out (curl 28). */
  public static final int TIMEOUT = 28;
  /** TLS failed (curl 35). */
  public static final int TLS = 35;
  /** The login was rejected (curl 67). */
  public static final int AUTHENTICATION = 67;

  private ExitCode() {}
}
