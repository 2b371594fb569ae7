package io.netkit.http.xmlrpc;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetReplyException;

/**
 * The XML-RPC server answered the call with a fault: its {@code faultCode} and {@code
 * faultString} are carried (and are the reply code and text of {@link NetReplyException}). The
 * connection is fine; the call failed. Immutable.
 */
public final class XmlRpcFaultException extends NetReplyException {
  private final String method;
  private final int faultCode;

  /** A fault answering a call of {@code method}. */
  public XmlRpcFaultException(ErrorContext context, String method, int code, String string) {
    super(context, code, string, "XML-RPC call " + method);
    this.method = method;
    this.faultCode = code;
  }

  /**
   * The fault code, which may be negative (the common -32xxx codes); {@link #replyCode()} is
   * empty for a negative one, as for any reply code netkit does not know.
   */
  public int faultCode() {
    return faultCode;
  }

  /** The fault string. */
  public String faultString() {
    return replyText().orElse("");
  }

  /** The method called. */
  public String method() {
    return method;
  }
}
