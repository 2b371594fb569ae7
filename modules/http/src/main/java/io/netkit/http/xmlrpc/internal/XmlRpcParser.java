package io.netkit.http.xmlrpc.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.http.xmlrpc.XmlRpcFaultException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a {@code methodResponse} as it arrives, with the JDK's StAX parser made safe for
 * untrusted input: a DOCTYPE is refused outright (so no entity can be declared: no XXE, no
 * billion laughs), external entities and DTD loading are off, the document may be at most {@code
 * maxBytes} long and values nested at most {@code maxDepth} deep. Values become plain Java values
 * ({@link XmlRpcWriter} lists the mapping; {@code dateTime.iso8601} becomes LocalDateTime); a
 * fault becomes {@link XmlRpcFaultException}. Nothing is ever deserialized the Java way.
 */
public final class XmlRpcParser {
  private final ErrorContext context;
  private final long maxBytes;
  private final int maxDepth;

  /** A parser with these bounds. */
  public XmlRpcParser(ErrorContext context, long maxBytes, int maxDepth) {
    this.context = context;
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (IllegalArgumentException notSupported) {
      // another StAX implementation: DTDs are refused below anyway
    }
    return f;
  }

  /** The result of the response read from {@code in}, or the fault it carries, thrown. */
  public Object parseResponse(InputStream in, String method) throws IOException {
    try {
      XMLStreamReader r = factory().createXMLStreamReader(new Bounded(in, maxBytes, context));
      try {
        start(r, "methodResponse");
        int e = r.nextTag();
        if (e != XMLStreamConstants.START_ELEMENT) {
          throw bad("an empty methodResponse");
        }
        if (r.getLocalName().equals("fault")) {
          start(r, "value");
          Object fault = value(r, 0);
          r.nextTag(); // </fault>
          throw fault(fault, method);
        }
        if (!r.getLocalName().equals("params")) {
          throw bad("<" + r.getLocalName() + "> where <params> or <fault> belongs");
        }
        start(r, "param");
        start(r, "value");
        Object result = value(r, 0);
        return result;
      } finally {
        r.close();
      }
    } catch (XMLStreamException e) {
      // A failure of the stream underneath (a timeout, the size bound) keeps its own type.
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof io.netkit.core.NetException net) {
          throw net;
        }
        if (t instanceof XMLStreamException x && x.getNestedException() instanceof io.netkit.core.NetException net) {
          throw net;
        }
      }
      throw bad("malformed XML: " + e.getMessage());
    } catch (RuntimeException parserBug) {
      // The JDK's StAX parser throws unchecked exceptions on some malformed input (found by
      // fuzzing: an invalid character inside a DOCTYPE fails with MissingResourceException while
      // it formats its own message). Hostile input is still just a malformed response.
      throw bad("malformed XML that the XML parser could not describe");
    }
  }

  private XmlRpcFaultException fault(Object fault, String method) throws NetProtocolException {
    if (fault instanceof Map<?, ?> m && m.get("faultCode") instanceof Number code) {
      Object string = m.get("faultString");
      return new XmlRpcFaultException(context, method, code.intValue(), string == null ? "" : string.toString());
    }
    throw bad("a fault without an int faultCode");
  }

  /** Moves to the next start tag, which must be {@code name}, skipping DTDs by refusing them. */
  private void start(XMLStreamReader r, String name) throws XMLStreamException, NetProtocolException {
    while (r.hasNext()) {
      int e = r.next();
      refuse(e);
      if (e == XMLStreamConstants.START_ELEMENT) {
        if (!r.getLocalName().equals(name)) {
          throw bad("<" + r.getLocalName() + "> where <" + name + "> belongs");
        }
        return;
      }
      if (e == XMLStreamConstants.END_ELEMENT) {
        throw bad("</" + r.getLocalName() + "> where <" + name + "> belongs");
      }
      if (e == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
        throw bad("text where <" + name + "> belongs");
      }
    }
    throw bad("the response ended where <" + name + "> belongs");
  }

  private void refuse(int event) throws NetProtocolException {
    if (event == XMLStreamConstants.DTD) {
      throw bad("a DOCTYPE declaration, refused");
    }
    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
      throw bad("an entity reference, refused");
    }
  }

  /** Reads a value; the reader is on {@code <value>} and is left on {@code </value>}. */
  private Object value(XMLStreamReader r, int depth) throws XMLStreamException, NetProtocolException {
    if (depth > maxDepth) {
      throw bad("values nested deeper than " + maxDepth);
    }
    StringBuilder text = new StringBuilder();
    while (true) {
      int e = r.next();
      refuse(e);
      if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (e == XMLStreamConstants.START_ELEMENT) {
        Object v = typed(r, depth);
        if (r.nextTag() != XMLStreamConstants.END_ELEMENT || !r.getLocalName().equals("value")) {
          throw bad("more than one type in a <value>");
        }
        return v;
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        return text.toString(); // a value without a type is a string
      }
    }
  }

  private Object typed(XMLStreamReader r, int depth) throws XMLStreamException, NetProtocolException {
    String type = r.getLocalName();
    try {
      switch (type) {
        case "int", "i4" -> { return Integer.valueOf(text(r)); }
        case "i8" -> { return Long.valueOf(text(r)); }
        case "boolean" -> {
          String b = text(r);
          if (!b.equals("0") && !b.equals("1")) {
            throw bad("a boolean of '" + b + "'");
          }
          return b.equals("1");
        }
        case "string" -> { return r.getElementText(); }
        case "double" -> { return Double.valueOf(text(r)); }
        case "dateTime.iso8601" -> { return dateTime(text(r)); }
        case "base64" -> { return Base64.getMimeDecoder().decode(text(r)); }
        case "nil" -> {
          if (r.nextTag() != XMLStreamConstants.END_ELEMENT) {
            throw bad("a <nil> with content");
          }
          return null;
        }
        case "array" -> { return array(r, depth); }
        case "struct" -> { return struct(r, depth); }
        default -> throw bad("an unknown type <" + type + ">");
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw bad("a malformed <" + type + ">: " + e.getMessage());
    }
  }

  private List<Object> array(XMLStreamReader r, int depth) throws XMLStreamException, NetProtocolException {
    start(r, "data");
    List<Object> items = new ArrayList<>();
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (!r.getLocalName().equals("value")) {
        throw bad("<" + r.getLocalName() + "> in an array");
      }
      items.add(value(r, depth + 1));
    }
    r.nextTag(); // </array>
    return items;
  }

  private Map<String, Object> struct(XMLStreamReader r, int depth) throws XMLStreamException, NetProtocolException {
    Map<String, Object> members = new LinkedHashMap<>();
    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
      if (!r.getLocalName().equals("member")) {
        throw bad("<" + r.getLocalName() + "> in a struct");
      }
      start(r, "name");
      String name = r.getElementText();
      start(r, "value");
      members.put(name, value(r, depth + 1));
      r.nextTag(); // </member>
    }
    return members;
  }

  private static String text(XMLStreamReader r) throws XMLStreamException {
    return r.getElementText().trim();
  }

  /** {@code 19980717T14:08:55}, also with dashes ({@code 1998-07-17T14:08:55}) and a zone suffix ignored. */
  private static LocalDateTime dateTime(String s) {
    String plain = s.replaceFirst("(Z|[+-]\\d\\d:?\\d\\d)$", "");
    if (plain.length() >= 10 && plain.charAt(4) == '-') {
      return LocalDateTime.parse(plain);
    }
    return LocalDateTime.parse(plain, XmlRpcWriter.ISO8601);
  }

  private NetProtocolException bad(String what) {
    return new NetProtocolException(context, "bad XML-RPC response: " + what);
  }

  /** Fails a read past {@code limit} bytes. */
  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private final ErrorContext context;
    private long read;

    Bounded(InputStream in, long limit, ErrorContext context) {
      super(in);
      this.limit = limit;
      this.context = context;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws NetProtocolException {
      read += n;
      if (read > limit) {
        throw new NetProtocolException(context, "XML-RPC response longer than " + limit + " bytes");
      }
    }
  }
}
