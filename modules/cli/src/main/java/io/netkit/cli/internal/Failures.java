package io.netkit.cli.internal;

import io.netkit.cli.ExitCode;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetConnectException;
import io.netkit.core.NetException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTimeoutException;
import io.netkit.core.NetTlsException;
import io.netkit.core.NetTlsRequiredException;
import io.netkit.core.NetTruncatedException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns a failure into an exit code and one line for standard error. The core's exception types
 * decide; raw JDK exceptions (from an engine that let one through) are classified as a fallback.
 */
public final class Failures {
  /** A URL's {@code scheme://user:password@}, the password being group-less after the colon. */
  private static final Pattern USERINFO =
      Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s/?#@:]*):[^\\s/?#@]*@");

  private Failures() {}

  /** The exit code for {@code failure}. */
  public static int exitCode(Throwable failure) {
    int code = direct(failure);
    // A plain NetException or IOException may wrap something more telling.
    for (Throwable cause = failure.getCause();
        code == ExitCode.FAILURE && cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      code = direct(cause);
    }
    return code;
  }

  private static int direct(Throwable t) {
    if (t instanceof LocalFileException local) {
      return local.exitCode();
    }
    if (t instanceof CommandException command) {
      return command.exitCode();
    }
    if (t instanceof UsageException usage) {
      return usage.exitCode();
    }
    if (t instanceof IllegalArgumentException
        || t instanceof UnsupportedOperationException) {
      return ExitCode.USAGE;
    }
    if (t instanceof NetTimeoutException || t instanceof InterruptedIOException) {
      return ExitCode.TIMEOUT;
    }
    if (t instanceof NetAuthenticationException) {
      return ExitCode.AUTHENTICATION;
    }
    if (t instanceof NetTlsRequiredException) {
      return ExitCode.TLS_REQUIRED;
    }
    if (t instanceof NetTlsException || t instanceof SSLException) {
      return certificateProblem(t) == null ? ExitCode.TLS : ExitCode.TLS_VERIFY;
    }
    if (t instanceof NetConnectException) {
      return hasCause(t, UnknownHostException.class)
          ? ExitCode.CANNOT_RESOLVE
          : ExitCode.CANNOT_CONNECT;
    }
    if (t instanceof UnknownHostException) {
      return ExitCode.CANNOT_RESOLVE;
    }
    if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
      return ExitCode.CANNOT_CONNECT;
    }
    if (t instanceof NetNotFoundException missing) {
      return missing.target() == NetNotFoundException.Target.ITEM
          ? ExitCode.NOT_FOUND
          : ExitCode.REMOTE_ACCESS_DENIED;
    }
    if (t instanceof NetReplyException) {
      return ExitCode.SERVER_REFUSED;
    }
    if (t instanceof NetTruncatedException) {
      return ExitCode.PARTIAL_FILE;
    }
    if (t instanceof NetProtocolException) {
      return ExitCode.PROTOCOL_ERROR;
    }
    return ExitCode.FAILURE;
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * One line saying what failed. Core exceptions already name protocol, host and the server's
   * reply; JDK exceptions get their type when they have no message. A password in a URL quoted
   * by the message is masked.
   */
  public static String message(Throwable failure) {
    String message = failure.getMessage();
    String certificate = certificateProblem(failure);
    if (certificate != null) {
      String where = failure instanceof NetException net ? where(net) : "";
      return oneLine(where + certificate);
    }
    if (failure instanceof NetException
        || failure instanceof UsageException
        || failure instanceof CommandException) {
      return oneLine(message);
    }
    String type = failure.getClass().getSimpleName();
    if (message == null || message.isBlank()) {
      return type;
    }
    boolean selfExplaining =
        failure instanceof LocalFileException
            || failure instanceof IllegalArgumentException
            || failure instanceof UnsupportedOperationException;
    return oneLine(selfExplaining ? message : type + ": " + message);
  }

  /**
   * What is wrong with the server's certificate, in words a user can act on, when a TLS failure
   * is about the certificate (the JDK's "PKIX path building failed: sun.security..." means only
   * that no trusted CA signed it); null for other failures.
   */
  static String certificateProblem(Throwable failure) {
    for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String text = c.getMessage() == null ? "" : c.getMessage();
      if (c instanceof CertPathBuilderException
          || c instanceof CertPathValidatorException
          || text.contains("PKIX path")
          || text.contains("unable to find valid certification path")) {
        return "the server's certificate is not trusted (no trusted CA signed it); if you trust"
            + " its CA, name it with --cacert FILE";
      }
      if (c instanceof CertificateExpiredException || text.contains("validity check failed")) {
        return "the server's certificate has expired or is not yet valid";
      }
      if (c instanceof CertificateException
          && (text.contains("No subject alternative") || text.contains("No name matching"))) {
        return "the server's certificate is for another host name (" + oneLine(text) + ")";
      }
    }
    return null;
  }

  /** {@code "ftp 127.0.0.1:990: "}, or nothing when the failure does not say. */
  private static String where(NetException net) {
    String where =
        net.protocol().map(p -> p + net.host().map(h -> " " + h).orElse(""))
            .orElse(net.host().orElse(""));
    return where.isEmpty() ? "" : where + ": ";
  }

  private static String oneLine(String text) {
    return text == null
        ? "failed"
        : maskUserinfo(text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
  }

  /**
   * A URL's password, as in {@code ftp://alice:secret@host/}, becomes {@code ****}. Modules put
   * the URL they were given into some messages, and the command gives them URLs that carry the
   * {@code -u} credentials: the error line must still never show a password.
   */
  static String maskUserinfo(String text) {
    return USERINFO.matcher(text).replaceAll("$1:****@");
  }
}
