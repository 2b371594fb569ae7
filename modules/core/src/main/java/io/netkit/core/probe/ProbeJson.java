package io.netkit.core.probe;

import io.netkit.core.probe.ProbeReport.Certificate;
import io.netkit.core.probe.ProbeReport.Tls;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link ProbeReport} as JSON in the shape {@code docs/probe.md} documents. Hand-written
 * because the core has no third-party dependency; every string is escaped, so server-supplied
 * text cannot break the document.
 */
final class ProbeJson {
  /** The shape's version: raised only if a field ever changes meaning (fields are only added). */
  static final int SHAPE = 1;

  private final StringBuilder out = new StringBuilder(1024);

  private ProbeJson() {}

  static String write(ProbeReport r) {
    ProbeJson j = new ProbeJson();
    j.out.append('{');
    j.field("shape").out.append(SHAPE);
    j.comma().field("url").string(r.url());
    j.comma().field("protocol").string(r.protocol());
    j.comma().field("host").string(r.host());
    j.comma().field("port").out.append(r.port());
    j.comma().field("addresses").strings(r.addresses());
    j.comma().field("address").string(r.address());
    j.comma().field("connectMillis");
    j.out.append(r.connectTime() == null ? "null" : Long.toString(r.connectTime().toMillis()));
    j.comma().field("greeting").string(r.greeting());
    j.comma().field("capabilities").strings(r.capabilities());
    j.comma().field("details").map(r.details());
    j.comma().field("startTls").string(name(r.startTls()));
    j.comma().field("tls");
    if (r.tls() == null) {
      j.out.append("null");
    } else {
      j.tls(r.tls());
    }
    j.comma().field("mechanisms").strings(r.mechanisms());
    j.comma().field("login").out.append('{');
    j.field("status").string(name(r.login().status()));
    j.comma().field("message").string(r.login().message()).out.append('}');
    j.comma().field("failure");
    if (r.failure() == null) {
      j.out.append("null");
    } else {
      j.out.append('{');
      j.field("stage").string(name(r.failure().stage()));
      j.comma().field("message").string(r.failure().message()).out.append('}');
    }
    j.comma().field("ok").out.append(r.ok());
    j.out.append('}');
    return j.out.toString();
  }

  private void tls(Tls t) {
    out.append('{');
    field("mode").string(t.mode());
    comma().field("established").out.append(t.established());
    comma().field("version").string(t.version());
    comma().field("cipher").string(t.cipher());
    comma().field("alpnOffered").strings(t.alpnOffered());
    comma().field("alpn").string(t.alpn());
    comma().field("verified").out.append(t.verified());
    comma().field("verifyError").string(t.verifyError());
    comma().field("chain").out.append('[');
    for (int i = 0; i < t.chain().size(); i++) {
      if (i > 0) {
        comma();
      }
      certificate(t.chain().get(i));
    }
    out.append("]}");
  }

  private void certificate(Certificate c) {
    out.append('{');
    field("subject").string(c.subject());
    comma().field("issuer").string(c.issuer());
    comma().field("subjectAltNames").strings(c.subjectAltNames());
    comma().field("notBefore").string(c.notBefore().toString());
    comma().field("notAfter").string(c.notAfter().toString());
    comma().field("daysLeft").out.append(c.daysLeft());
    comma().field("sha256").string(c.sha256());
    out.append('}');
  }

  /** Enum names as the JSON spells them: lower case, words joined by '-'. */
  static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private ProbeJson comma() {
    out.append(',');
    return this;
  }

  private ProbeJson field(String name) {
    string(name);
    out.append(':');
    return this;
  }

  private ProbeJson strings(List<String> values) {
    out.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      string(values.get(i));
    }
    out.append(']');
    return this;
  }

  private ProbeJson map(Map<String, String> values) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      field(e.getKey()).string(e.getValue());
    }
    out.append('}');
    return this;
  }

  private ProbeJson string(String s) {
    if (s == null) {
      out.append("null");
      return this;
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    return this;
  }
}
