package io.netkit.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netkit.cli.internal.UrlArgument;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.cli.internal.UsageException;
import io.netkit.ftp.internal.FtpUrls;
import io.netkit.gopher.GopherRequest;
import io.netkit.gopher.GopherUrl;
import io.netkit.imap.ImapUrl;
import io.netkit.nntp.NntpUrl;
import io.netkit.pop3.Pop3Url;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The URL parsers of every scheme on arbitrary text after the scheme. Each may refuse a URL only
 * with IllegalArgumentException (UnsafeArgumentException for CR, LF or NUL, percent-encoded or
 * not); what it accepts must never carry a line break into a command (Gopher URLs are values:
 * the request made from one refuses it). The CLI's URL argument
 * refuses only with its UsageException. (HTTP and SMTP URLs: {@code
 * io.netkit.http.internal.HttpUrlsFuzzTest}, {@code io.netkit.smtp.internal.SmtpUrlFuzzTest}.)
 */
class UrlsFuzzTest {

  @FuzzTest
  void gopherUrlRefusesOnlyWithIllegalArgument(byte[] input) {
    URI url = uri("gopher:", input);
    if (url == null) {
      return;
    }
    try {
      GopherUrl g = GopherUrl.parse(url);
      Invariants.check(GopherUrl.parse(g.toUri()).equals(g), "toUri() does not round-trip: " + url);
      // The URL is a value; the request is where CR, LF and NUL are refused, before any byte.
      boolean safe = Inputs.safe(g.selector()) && Inputs.safe(g.search());
      try {
        Object request = g.search() == null
            ? GopherRequest.menu(g.selector())
            : GopherRequest.search(g.selector(), g.search());
        Invariants.check(safe, "a request with a line break or NUL: " + request);
      } catch (UnsafeArgumentException refused) {
        Invariants.check(!safe, "a safe selector refused: " + url);
      }
    } catch (IllegalArgumentException expected) {
      // documented
    }
  }

  @FuzzTest
  void ftpUrlRefusesOnlyWithIllegalArgument(byte[] input) {
    URI url = uri("ftp:", input);
    if (url == null) {
      return;
    }
    try {
      String path = FtpUrls.path(url);
      Invariants.check(Inputs.safe(path), "a line break in an FTP path: " + url);
      FtpUrls.isDirectory(url);
      FtpUrls.namesOnly(url);
      if (url.getHost() != null && !path.isEmpty()) {
        FtpUrls.path(FtpUrls.child(url, "child", false));
      }
    } catch (IllegalArgumentException expected) {
      // documented
    }
  }

  @FuzzTest
  void pop3UrlRefusesOnlyWithIllegalArgument(byte[] input) {
    URI url = uri("pop3:", input);
    if (url == null) {
      return;
    }
    try {
      Pop3Url.parse(url);
    } catch (IllegalArgumentException expected) {
      // documented
    }
  }

  @FuzzTest
  void imapUrlRefusesOnlyWithIllegalArgument(byte[] input) {
    URI url = uri("imap:", input);
    if (url == null) {
      return;
    }
    try {
      ImapUrl parsed = ImapUrl.parse(url);
      Invariants.check(parsed.toString() != null, "no text form");
    } catch (IllegalArgumentException expected) {
      // documented
    }
  }

  @FuzzTest
  void nntpUrlRefusesOnlyWithIllegalArgument(byte[] input) {
    String text = Inputs.text(input);
    // news: URLs are opaque (news:group, news:<id>), nntp: ones hierarchical: both.
    URI url = uri(text.startsWith("//") ? "nntp:" : "news:", input);
    if (url == null) {
      return;
    }
    try {
      NntpUrl.parse(url, "localhost");
    } catch (IllegalArgumentException expected) {
      // documented
    }
  }

  @FuzzTest
  void cliUrlArgumentRefusesOnlyWithUsageException(byte[] input) {
    try {
      URI url = UrlArgument.parse(Inputs.text(input), null);
      Invariants.check(url.getHost() != null, "accepted a URL without a host");
    } catch (UsageException expected) {
      // documented: a one-line message and an exit code
    }
  }

  /** {@code scheme} + the input as a URI, or null when java.net.URI itself refuses it. */
  static URI uri(String scheme, byte[] input) {
    try {
      return new URI(scheme + Inputs.text(input));
    } catch (URISyntaxException notAUri) {
      return null;
    }
  }
}
