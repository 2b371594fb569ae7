package io.netkit.cli.internal;

import io.netkit.core.probe.ProbeReport;
import io.netkit.core.probe.ProbeReport.Certificate;
import io.netkit.core.probe.ProbeReport.Tls;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The readable form of a {@link ProbeReport} for {@code netkit probe}: one fact per line, a label
 * then the value, server-supplied text with control characters shown as {@code ?} so a hostile
 * banner cannot drive the terminal. Not a stable format: scripts use {@code --json}.
 */
public final class ProbeText {
  private static final String INDENT = "               ";

  private ProbeText() {}

  /** True when the server's own certificate expires in fewer than {@code days} days. */
  public static boolean expiresWithin(ProbeReport report, int days) {
    return report.tls() != null
        && report.tls().leaf().map(leaf -> leaf.daysLeft() < days).orElse(false);
  }

  /** The report as text, lines ending in {@code \n}. */
  public static String render(ProbeReport r, Integer warnDays) {
    StringBuilder out = new StringBuilder();
    line(out, "probe", r.url());
    line(out, "resolved", r.addresses().isEmpty() ? "-" : String.join(" ", r.addresses()));
    if (r.address() != null) {
      line(out, "connected",
          r.address() + " port " + r.port() + " in " + r.connectTime().toMillis() + " ms");
    }
    if (r.greeting() != null) {
      line(out, "greeting", r.greeting());
    }
    if (!r.capabilities().isEmpty()) {
      line(out, "capabilities", String.join("\n", r.capabilities()));
    }
    for (Map.Entry<String, String> detail : r.details().entrySet()) {
      line(out, detail.getKey(), detail.getValue());
    }
    if (r.startTls() != ProbeReport.StartTls.NONE) {
      line(out, "starttls", words(r.startTls()));
    }
    if (r.tls() != null) {
      tls(out, r.tls(), warnDays);
    }
    if (r.failure() == null || !r.mechanisms().isEmpty()) {
      line(out, "mechanisms", r.mechanisms().isEmpty() ? "none announced" : String.join(" ", r.mechanisms()));
    }
    if (r.login().status() != ProbeReport.LoginStatus.NOT_TRIED) {
      line(out, "login",
          words(r.login().status()) + (r.login().message() == null ? "" : ": " + r.login().message()));
    }
    line(out, "result",
        r.failure() == null
            ? "ok"
            : "FAILED at " + words(r.failure().stage()) + ": " + r.failure().message());
    return out.toString();
  }

  private static void tls(StringBuilder out, Tls t, Integer warnDays) {
    line(out, "tls",
        t.established()
            ? t.version() + " " + t.cipher() + " (" + t.mode() + ")"
            : "handshake failed (" + t.mode() + ")");
    if (!t.alpnOffered().isEmpty()) {
      line(out, "alpn", (t.alpn() == null ? "none chosen" : t.alpn())
          + " (offered " + String.join(", ", t.alpnOffered()) + ")");
    }
    List<Certificate> chain = t.chain();
    for (int i = 0; i < chain.size(); i++) {
      Certificate c = chain.get(i);
      line(out, "certificate " + i, c.subject());
      line(out, "  issuer", c.issuer());
      if (!c.subjectAltNames().isEmpty()) {
        line(out, "  names", String.join(" ", c.subjectAltNames()));
      }
      String left = c.daysLeft() < 0 ? "EXPIRED " + -c.daysLeft() + " days ago" : c.daysLeft() + " days left";
      if (i == 0 && warnDays != null && c.daysLeft() < warnDays && c.daysLeft() >= 0) {
        left += ", WARNING: fewer than " + warnDays;
      }
      line(out, "  expires", c.notAfter() + " (" + left + ")");
    }
    line(out, "verified", t.verified() ? "yes" : "NO: " + t.verifyError());
  }

  private static String words(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static void line(StringBuilder out, String label, String value) {
    String[] lines = value.split("\n", -1);
    out.append(String.format("%-14s %s%n", label, clean(lines[0])).replace(System.lineSeparator(), "\n"));
    for (int i = 1; i < lines.length; i++) {
      out.append(INDENT).append(clean(lines[i])).append('\n');
    }
  }

  private static String clean(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
