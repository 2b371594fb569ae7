package io.netkit.nntp.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.line.Reply;
import io.netkit.nntp.NewsGroup;
import io.netkit.nntp.NntpReply;
import io.netkit.nntp.Overview;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the lines of NNTP answers into values; a line that breaks the RFC's syntax is a {@link
 * NetProtocolException} quoting (a short piece of) it. Stateless.
 */
public final class Parsers {
  private Parsers() {}

  /** {@code 211 count low high group}. */
  public static NntpReply.GroupSelected group(Reply reply, String asked, ErrorContext context)
      throws NetProtocolException {
    String[] parts = reply.firstLine().strip().split("\\s+");
    if (parts.length < 3) {
      throw malformed(context, "GROUP answer", reply.firstLine());
    }
    long count = number(parts[0], context, reply.firstLine());
    long low = number(parts[1], context, reply.firstLine());
    long high = number(parts[2], context, reply.firstLine());
    String name = parts.length > 3 ? parts[3] : asked;
    return new NntpReply.GroupSelected(name, count, low, high);
  }

  /** {@code 220 n <message-id>} and its kin (221, 222, 223). */
  public static NntpReply.ArticlePointer pointer(Reply reply, ErrorContext context)
      throws NetProtocolException {
    String[] parts = reply.firstLine().strip().split("\\s+");
    if (parts.length < 2 || !parts[1].startsWith("<")) {
      throw malformed(context, "article answer", reply.firstLine());
    }
    return new NntpReply.ArticlePointer(number(parts[0], context, reply.firstLine()), parts[1]);
  }

  /** An active-file line: {@code group high low status}. */
  public static NewsGroup active(String line, ErrorContext context) throws NetProtocolException {
    String[] parts = line.strip().split("\\s+");
    if (parts.length < 4) {
      throw malformed(context, "group list line", line);
    }
    return new NewsGroup(
        parts[0], number(parts[1], context, line), number(parts[2], context, line), parts[3]);
  }

  /** An overview line, its fields named by {@code format} (OVERVIEW.FMT's order). */
  public static Overview overview(String line, List<String> format, ErrorContext context)
      throws NetProtocolException {
    String[] values = line.split("\t", -1);
    long number = number(values[0].strip(), context, line);
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < format.size() && i + 1 < values.length; i++) {
      String name = format.get(i);
      String value = values[i + 1];
      if (name.toLowerCase(java.util.Locale.ROOT).endsWith(":full")) {
        // "Xref:full" fields repeat their name: "Xref: host group:1".
        int colon = value.indexOf(':');
        if (colon > 0 && Overview.key(value.substring(0, colon)).equals(Overview.key(name))) {
          value = value.substring(colon + 1).strip();
        }
      }
      fields.put(Overview.key(name), value);
    }
    return new Overview(number, fields);
  }

  /** An HDR line: {@code number value} (the value may be empty). */
  public static NntpReply.HeaderValue header(String line, ErrorContext context)
      throws NetProtocolException {
    int space = line.indexOf(' ');
    String first = space < 0 ? line : line.substring(0, space);
    String value = space < 0 ? "" : line.substring(space + 1);
    long number = first.startsWith("<") ? 0 : number(first, context, line);
    return new NntpReply.HeaderValue(number, value);
  }

  /** A non-negative number, or a protocol error quoting {@code line}. */
  public static long number(String text, ErrorContext context, String line)
      throws NetProtocolException {
    try {
      long n = Long.parseLong(text);
      if (n < 0) {
        throw malformed(context, "number", line);
      }
      return n;
    } catch (NumberFormatException e) {
      throw malformed(context, "number", line);
    }
  }

  /** A protocol error quoting a short, control-free piece of the offending line. */
  public static NetProtocolException malformed(ErrorContext context, String what, String line) {
    String shown = line.length() > 100 ? line.substring(0, 100) + "..." : line;
    return new NetProtocolException(
        context, "malformed " + what + " from the server: '" + shown.replaceAll("\\p{Cntrl}", "?") + "'");
  }
}
