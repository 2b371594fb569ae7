package io.netkit.http.xmlrpc.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@code methodCall} straight onto a stream (StAX escapes the text). Java values map to
 * XML-RPC types: Integer, Short, Byte to {@code int} (Long to {@code int} when it fits, else the
 * common {@code i8} extension), Boolean to {@code boolean}, String and Character to {@code
 * string}, Double and Float to {@code double}, LocalDateTime and OffsetDateTime (as UTC wall
 * time) to {@code dateTime.iso8601}, byte[] to {@code base64}, Map to {@code struct} (String
 * keys), Collection and Object[] to {@code array}, null to {@code nil}. Anything else is refused:
 * nothing is ever serialized the Java way.
 */
public final class XmlRpcWriter {
  static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");

  private XmlRpcWriter() {}

  /** Writes the call of {@code method} with {@code params}. */
  public static void writeCall(OutputStream out, String method, Object[] params) throws IOException {
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("methodCall");
      element(w, "methodName", method);
      w.writeStartElement("params");
      IdentityHashMap<Object, Boolean> open = new IdentityHashMap<>();
      for (Object p : params) {
        w.writeStartElement("param");
        value(w, p, open);
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
      w.writeEndDocument();
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the XML-RPC call: " + e.getMessage(), e);
    }
  }

  /** Checks every parameter can be written, before anything is sent. */
  public static void check(Object[] params) {
    try {
      writeCall(OutputStream.nullOutputStream(), "check", params);
    } catch (IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static void value(XMLStreamWriter w, Object v, IdentityHashMap<Object, Boolean> open)
      throws XMLStreamException {
    w.writeStartElement("value");
    if (v == null) {
      w.writeEmptyElement("nil");
    } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      element(w, "int", v.toString());
    } else if (v instanceof Long l) {
      element(w, l == l.intValue() ? "int" : "i8", l.toString());
    } else if (v instanceof Boolean b) {
      element(w, "boolean", b ? "1" : "0");
    } else if (v instanceof String || v instanceof Character) {
      element(w, "string", v.toString());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("XML-RPC has no " + d);
      }
      element(w, "double", Double.toString(d));
    } else if (v instanceof LocalDateTime t) {
      element(w, "dateTime.iso8601", ISO8601.format(t));
    } else if (v instanceof OffsetDateTime t) {
      element(w, "dateTime.iso8601", ISO8601.format(t.withOffsetSameInstant(java.time.ZoneOffset.UTC)));
    } else if (v instanceof byte[] bytes) {
      element(w, "base64", Base64.getEncoder().encodeToString(bytes));
    } else if (v instanceof Map<?, ?> map) {
      enter(v, open);
      w.writeStartElement("struct");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String name)) {
          throw new IllegalArgumentException("struct member names must be strings: " + e.getKey());
        }
        w.writeStartElement("member");
        element(w, "name", name);
        value(w, e.getValue(), open);
        w.writeEndElement();
      }
      w.writeEndElement();
      open.remove(v);
    } else if (v instanceof Collection<?> || v instanceof Object[]) {
      enter(v, open);
      w.writeStartElement("array");
      w.writeStartElement("data");
      for (Object item : v instanceof Object[] a ? java.util.Arrays.asList(a) : (Collection<?>) v) {
        value(w, item, open);
      }
      w.writeEndElement();
      w.writeEndElement();
      open.remove(v);
    } else {
      throw new IllegalArgumentException("no XML-RPC type for " + v.getClass().getSimpleName());
    }
    w.writeEndElement();
  }

  private static void enter(Object container, IdentityHashMap<Object, Boolean> open) {
    if (open.put(container, Boolean.TRUE) != null) {
      throw new IllegalArgumentException("a struct or array contains itself");
    }
  }

  private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }
}
