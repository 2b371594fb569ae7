package io.netkit.cli.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Command-line values for remote calls ({@code netkit xmlrpc}), JSON-style: {@code 42} (int; a
 * long beyond int's range), {@code 3.5} (double), {@code true}/{@code false}, {@code null},
 * {@code "text"} (or bare text, which is a string too), {@code [1, "a"]} arrays, {@code {"k": 1}}
 * objects (structs), {@code 19980717T14:08:55} date-times. And their readable rendering for the
 * result: the same notation, nested values indented, bytes as {@code base64:...}.
 */
public final class Literals {
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
  private static final DateTimeFormatter ISO8601 = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");
  private static final Pattern DATE_TIME = Pattern.compile("\\d{8}T\\d\\d:\\d\\d:\\d\\d");
  private static final int MAX_DEPTH = 64;

  private final String text;
  private int at;

  private Literals(String text) {
    this.text = text;
  }

  /** The value an argument names. */
  public static Object parse(String argument) {
    String t = argument.trim();
    if (t.startsWith("[") || t.startsWith("{") || t.startsWith("\"")) {
      Literals p = new Literals(t);
      Object v = p.value(0);
      p.space();
      if (p.at != t.length()) {
        throw p.error("unexpected text after the value");
      }
      return v;
    }
    Object scalar = scalar(t);
    return scalar == NOT_SCALAR ? argument : scalar;
  }

  private static final Object NOT_SCALAR = new Object();

  private static Object scalar(String t) {
    switch (t) {
      case "true": return Boolean.TRUE;
      case "false": return Boolean.FALSE;
      case "null": return null;
      default: break;
    }
    if (INTEGER.matcher(t).matches()) {
      try {
        long l = Long.parseLong(t);
        return l == (int) l ? (Object) (int) l : (Object) l;
      } catch (NumberFormatException tooBig) {
        return Double.valueOf(t);
      }
    }
    if (DECIMAL.matcher(t).matches()) {
      return Double.valueOf(t);
    }
    if (DATE_TIME.matcher(t).matches()) {
      return LocalDateTime.parse(t, ISO8601);
    }
    return NOT_SCALAR;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested too deep");
    }
    space();
    if (at >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(at);
    if (c == '"') {
      return string();
    }
    if (c == '[') {
      at++;
      List<Object> items = new ArrayList<>();
      space();
      if (peek(']')) {
        return items;
      }
      do {
        items.add(value(depth + 1));
        space();
      } while (take(','));
      expect(']');
      return items;
    }
    if (c == '{') {
      at++;
      Map<String, Object> members = new LinkedHashMap<>();
      space();
      if (peek('}')) {
        return members;
      }
      do {
        space();
        if (at >= text.length() || text.charAt(at) != '"') {
          throw error("a member name must be a \"string\"");
        }
        String name = string();
        space();
        expect(':');
        members.put(name, value(depth + 1));
        space();
      } while (take(','));
      expect('}');
      return members;
    }
    int start = at;
    while (at < text.length() && ",]}".indexOf(text.charAt(at)) < 0 && !Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    Object scalar = scalar(text.substring(start, at));
    if (scalar == NOT_SCALAR) {
      throw error("'" + text.substring(start, at) + "' is not a value (quote strings)");
    }
    return scalar;
  }

  private String string() {
    StringBuilder s = new StringBuilder();
    at++; // the opening quote
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return s.toString();
      }
      if (c == '\\' && at < text.length()) {
        char e = text.charAt(at++);
        switch (e) {
          case 'n' -> s.append('\n');
          case 't' -> s.append('\t');
          case 'r' -> s.append('\r');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("a short \\u escape");
            }
            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> s.append(e);
        }
      } else {
        s.append(c);
      }
    }
    throw error("a string without its closing quote");
  }

  private void space() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private boolean peek(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private boolean take(char c) {
    return peek(c);
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("'" + c + "' expected");
    }
  }

  private UsageException error(String what) {
    return new UsageException("bad value " + text + ": " + what + " at character " + (at + 1));
  }

  /** The readable form of a result. */
  public static String format(Object value) {
    StringBuilder s = new StringBuilder();
    format(s, value, "");
    return s.toString();
  }

  private static void format(StringBuilder s, Object v, String indent) {
    if (v == null) {
      s.append("null");
    } else if (v instanceof String str) {
      s.append(quote(str));
    } else if (v instanceof byte[] bytes) {
      s.append("base64:").append(Base64.getEncoder().encodeToString(bytes));
    } else if (v instanceof LocalDateTime t) {
      s.append(ISO8601.format(t));
    } else if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        s.append("{}");
        return;
      }
      s.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        s.append(indent).append("  ").append(quote(String.valueOf(e.getKey()))).append(": ");
        format(s, e.getValue(), indent + "  ");
        s.append(++i < map.size() ? ",\n" : "\n");
      }
      s.append(indent).append('}');
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        s.append("[]");
        return;
      }
      s.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        s.append(indent).append("  ");
        format(s, list.get(i), indent + "  ");
        s.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      s.append(indent).append(']');
    } else {
      s.append(v);
    }
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
