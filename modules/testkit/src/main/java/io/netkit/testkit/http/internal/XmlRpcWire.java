package io.netkit.testkit.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The server side of XML-RPC for the testkit mock: reads a {@code methodCall} (DOCTYPE refused,
 * no external entities, at most 64 levels deep) and writes a {@code methodResponse} or a fault.
 * Values are Java values: Integer, Long (i8), Boolean, String, Double, LocalDateTime, byte[],
 * Map (struct), List (array) and null (nil).
 */
public final class XmlRpcWire {
  static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");
  private static final int MAX_DEPTH = 64;

  /** A parsed call. */
  public record Call(String method, List<Object> params) {}

  private XmlRpcWire() {}

  /** Reads a call. */
  public static Call readCall(InputStream in) throws IOException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    try {
      XMLStreamReader r = f.createXMLStreamReader(in);
      String method = null;
      List<Object> params = new ArrayList<>();
      while (r.hasNext()) {
        int e = r.next();
        if (e == XMLStreamConstants.DTD) {
          throw new IOException("DOCTYPE refused");
        }
        if (e == XMLStreamConstants.START_ELEMENT) {
          switch (r.getLocalName()) {
            case "methodName" -> method = r.getElementText().trim();
            case "value" -> params.add(value(r, 0));
            default -> { }
          }
        }
      }
      if (method == null) {
        throw new IOException("no methodName");
      }
      return new Call(method, params);
    } catch (XMLStreamException e) {
      throw new IOException("malformed call: " + e.getMessage(), e);
    }
  }

  /** Reads a value; the reader is on {@code <value>}, and is left on its end tag. */
  private static Object value(XMLStreamReader r, int depth) throws XMLStreamException, IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("values nested too deep");
    }
    StringBuilder text = new StringBuilder();
    Object result = null;
    boolean typed = false;
    while (true) {
      int e = r.next();
      if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
        text.append(r.getText());
      } else if (e == XMLStreamConstants.START_ELEMENT) {
        typed = true;
        result = typed(r, depth);
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        return typed ? result : text.toString(); // an untyped value is a string
      } else if (e == XMLStreamConstants.DTD || e == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new IOException("DOCTYPE and entities refused");
      }
    }
  }

  private static Object typed(XMLStreamReader r, int depth) throws XMLStreamException, IOException {
    String type = r.getLocalName();
    switch (type) {
      case "int", "i4" -> { return Integer.valueOf(r.getElementText().trim()); }
      case "i8" -> { return Long.valueOf(r.getElementText().trim()); }
      case "boolean" -> { return "1".equals(r.getElementText().trim()); }
      case "string" -> { return r.getElementText(); }
      case "double" -> { return Double.valueOf(r.getElementText().trim()); }
      case "dateTime.iso8601" -> { return LocalDateTime.parse(r.getElementText().trim(), ISO); }
      case "base64" -> { return Base64.getMimeDecoder().decode(r.getElementText().trim()); }
      case "nil" -> {
        r.nextTag();
        return null;
      }
      case "array" -> {
        List<Object> items = new ArrayList<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) { // data
          while (r.nextTag() == XMLStreamConstants.START_ELEMENT) { // value
            items.add(value(r, depth + 1));
          }
        }
        return items;
      }
      case "struct" -> {
        Map<String, Object> members = new LinkedHashMap<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) { // member
          String name = null;
          Object v = null;
          while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (r.getLocalName().equals("name")) {
              name = r.getElementText();
            } else {
              v = value(r, depth + 1);
            }
          }
          members.put(name, v);
        }
        return members;
      }
      default -> throw new IOException("unknown type " + type);
    }
  }

  /** A {@code methodResponse} carrying {@code result}. */
  public static byte[] response(Object result) throws IOException {
    return document(w -> {
      w.write("<methodResponse><params><param>");
      write(w, result);
      w.write("</param></params></methodResponse>");
    });
  }

  /** A fault response. */
  public static byte[] fault(int code, String message) throws IOException {
    Map<String, Object> fault = new LinkedHashMap<>();
    fault.put("faultCode", code);
    fault.put("faultString", message);
    return document(w -> {
      w.write("<methodResponse><fault>");
      write(w, fault);
      w.write("</fault></methodResponse>");
    });
  }

  private interface Body {
    void write(Writer w) throws IOException;
  }

  private static byte[] document(Body body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    body.write(w);
    w.flush();
    return out.toByteArray();
  }

  private static void write(Writer w, Object v) throws IOException {
    w.write("<value>");
    if (v == null) {
      w.write("<nil/>");
    } else if (v instanceof Integer i) {
      w.write("<int>" + i + "</int>");
    } else if (v instanceof Long l) {
      w.write(l == l.intValue() ? "<int>" + l + "</int>" : "<i8>" + l + "</i8>");
    } else if (v instanceof Boolean b) {
      w.write("<boolean>" + (b ? 1 : 0) + "</boolean>");
    } else if (v instanceof Double || v instanceof Float) {
      w.write("<double>" + v + "</double>");
    } else if (v instanceof LocalDateTime t) {
      w.write("<dateTime.iso8601>" + ISO.format(t) + "</dateTime.iso8601>");
    } else if (v instanceof byte[] bytes) {
      w.write("<base64>" + Base64.getEncoder().encodeToString(bytes) + "</base64>");
    } else if (v instanceof Map<?, ?> map) {
      w.write("<struct>");
      for (Map.Entry<?, ?> e : map.entrySet()) {
        w.write("<member><name>" + escape(String.valueOf(e.getKey())) + "</name>");
        write(w, e.getValue());
        w.write("</member>");
      }
      w.write("</struct>");
    } else if (v instanceof List<?> list) {
      w.write("<array><data>");
      for (Object item : list) {
        write(w, item);
      }
      w.write("</data></array>");
    } else {
      w.write("<string>" + escape(v.toString()) + "</string>");
    }
    w.write("</value>");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
