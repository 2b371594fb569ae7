package io.netkit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code netkit} command's exit codes: curl's numbers wherever curl has the same failure
 * (libcurl's {@code CURLcode}s, which curl exits with), so scripts that already test curl's codes
 * keep working. {@link #meanings()} lists them all; {@code docs/cli.md} has the same table (a test
 * holds them together).
 */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /**
   * Any failure without a more specific code; also an unknown URL scheme or one this build has no
   * module for (curl 1, "unsupported protocol").
   */
  public static final int FAILURE = 1;
  /** The command line is wrong, or asks for something the protocol cannot do (curl 2). */
  public static final int USAGE = 2;
  /** The URL is malformed: no scheme, no host, a control character (curl 3). */
  public static final int BAD_URL = 3;
  /** The host name could not be resolved (curl 6). */
  public static final int CANNOT_RESOLVE = 6;
  /** The connection could not be made (curl 7). */
  public static final int CANNOT_CONNECT = 7;
  /** The server's answer broke the protocol (curl 8, "weird server reply"). */
  public static final int PROTOCOL_ERROR = 8;
  /**
   * The directory, mailbox, group or menu named does not exist or may not be entered (curl 9,
   * "remote access denied", what curl gives for a failed FTP CWD).
   */
  public static final int REMOTE_ACCESS_DENIED = 9;
  /** The server understood and refused (curl 22, "server returned an error"). */
  public static final int SERVER_REFUSED = 22;
  /**
   * The transfer ended before all of the content arrived: fewer bytes than announced, or an answer
   * without its end (curl 18, "partial file"); nothing incomplete is kept as the download.
   */
  public static final int PARTIAL_FILE = 18;
  /** A local file (or standard output) could not be written (curl 23, "write error"). */
  public static final int LOCAL_FILE = 23;
  /** The server refused an upload (curl 25, "upload failed"). */
  public static final int UPLOAD_FAILED = 25;
  /** A local file (or standard input) could not be read, e.g. for {@code put} (curl 26). */
  public static final int READ_ERROR = 26;
  /** An operation timed out (curl 28). */
  public static final int TIMEOUT = 28;
  /** TLS failed: a handshake or protocol failure, or bytes injected before the handshake (curl 35). */
  public static final int TLS = 35;
  /** The server's certificate is not trusted or does not match the host name (curl 60). */
  public static final int TLS_VERIFY = 60;
  /** The login was rejected (curl 67). */
  public static final int AUTHENTICATION = 67;
  /** The {@code --cacert} file could not be read or holds no certificate (curl 77). */
  public static final int CACERT_FILE = 77;
  /**
   * TLS was required ({@code --tls required}) and the server does not offer it or refused it;
   * nothing, no credential either, was sent after that (curl 64, "requested SSL level failed").
   */
  public static final int TLS_REQUIRED = 64;
  /** The file, message or item named does not exist (curl 78, "remote file not found"). */
  public static final int NOT_FOUND = 78;

  private static final Map<Integer, String> MEANINGS = meaningsInOrder();

  private ExitCode() {}

  /** Every code with a one-line meaning, in ascending order (the help and the docs list them). */
  public static Map<Integer, String> meanings() {
    return MEANINGS;
  }

  private static Map<Integer, String> meaningsInOrder() {
    Map<Integer, String> m = new LinkedHashMap<>();
    m.put(OK, "success");
    m.put(FAILURE, "unsupported URL scheme; a failed demo session; any other failure");
    m.put(USAGE, "usage: bad option or value, operation the protocol lacks");
    m.put(BAD_URL, "malformed URL");
    m.put(CANNOT_RESOLVE, "host name not resolved");
    m.put(CANNOT_CONNECT, "cannot connect (refused, unreachable)");
    m.put(PROTOCOL_ERROR, "the server broke the protocol");
    m.put(REMOTE_ACCESS_DENIED, "no such directory (or mailbox, group, menu), or no access to it");
    m.put(PARTIAL_FILE, "the transfer ended early: fewer bytes than announced, or no end");
    m.put(SERVER_REFUSED, "the server refused; its reply is printed");
    m.put(LOCAL_FILE, "a local file or standard output could not be written");
    m.put(UPLOAD_FAILED, "the server refused the upload");
    m.put(READ_ERROR, "a local file or standard input could not be read");
    m.put(TIMEOUT, "timeout: connect, idle, or --max-time");
    m.put(TLS, "TLS failure: a failed handshake, or bytes injected before it");
    m.put(TLS_VERIFY, "the server's certificate is not trusted or names another host");
    m.put(TLS_REQUIRED, "TLS was required and the server does not offer it or refused it");
    m.put(AUTHENTICATION, "login rejected");
    m.put(CACERT_FILE, "the --cacert file could not be read");
    m.put(NOT_FOUND, "no such file (or message, article, item)");
    return java.util.Collections.unmodifiableMap(m);
  }
}
