package io.netkit.hardening.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.core.line.LineInputStream;
import io.netkit.core.line.Reply;
import io.netkit.gopher.GopherItem;
import io.netkit.gopher.GopherMenu;
import io.netkit.gopher.GopherRequest;
import io.netkit.gopher.internal.MenuReader;
import io.netkit.http.xmlrpc.XmlRpcFaultException;
import io.netkit.http.xmlrpc.internal.XmlRpcParser;
import io.netkit.nntp.internal.EncodedWords;
import io.netkit.nntp.internal.NewsDates;
import io.netkit.nntp.internal.Parsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * What servers send, parsed by netkit's own code: Gopher menus, NNTP replies, active-file,
 * overview and HDR lines, dates and encoded words, and XML-RPC responses. A hostile answer may
 * only yield NetProtocolException (or, for XML-RPC, the fault it carries as
 * XmlRpcFaultException): never another exception, a hang or unbounded memory.
 */
class ProtocolParsersFuzzTest {
  private static final ErrorContext CONTEXT = new ErrorContext("fuzz", "127.0.0.1");
  private static final List<String> OVERVIEW_FORMAT =
      List.of("Subject:", "From:", "Date:", "Message-ID:", "References:", ":bytes", ":lines",
          "Xref:full");

  @FuzzTest
  void gopherMenuRefusesOnlyWithProtocolException(byte[] wire) throws IOException {
    LineInputStream in = new LineInputStream(new ByteArrayInputStream(wire), 4096, CONTEXT);
    try {
      GopherMenu menu = MenuReader.read(in, "fallback.example", 70);
      for (GopherItem item : menu.items()) {
        Invariants.check(item.port() >= 0 && item.port() <= 65_535, "port " + item.port());
        // A selector may hold what a hostile server put there (a bare CR): following it is
        // refused before any byte goes out.
        if (!Inputs.safe(item.selector())) {
          try {
            GopherRequest.menu(item.selector());
            throw new AssertionError("a request with a line break or NUL: " + item);
          } catch (UnsafeArgumentException expected) {
            // documented
          }
        }
      }
    } catch (NetProtocolException expected) {
      // documented
    }
  }

  @FuzzTest
  void nntpRepliesRefuseOnlyWithProtocolException(byte[] wire) throws IOException {
    LineInputStream in = new LineInputStream(new ByteArrayInputStream(wire), 4096, CONTEXT);
    try {
      Reply reply = Reply.read(in);
      parseOrRefuse(() -> Parsers.group(reply, "misc.test", CONTEXT));
      parseOrRefuse(() -> Parsers.pointer(reply, CONTEXT));
    } catch (NetProtocolException expected) {
      // documented
    }
  }

  @FuzzTest
  void nntpLinesRefuseOnlyWithProtocolException(byte[] input) {
    String line = Inputs.text(input);
    parseOrRefuse(() -> Parsers.active(line, CONTEXT));
    parseOrRefuse(() -> Parsers.overview(line, OVERVIEW_FORMAT, CONTEXT));
    parseOrRefuse(() -> Parsers.header(line, CONTEXT));
    // Dates and encoded words never refuse: unreadable ones are kept as they are.
    NewsDates.parse(line);
    EncodedWords.decode(line);
  }

  @FuzzTest
  void xmlRpcResponseRefusesOnlyWithProtocolExceptionOrFault(FuzzedDataProvider data)
      throws IOException {
    int depth = data.consumeInt(1, 64);
    byte[] document = data.consumeRemainingAsBytes();
    XmlRpcParser parser = new XmlRpcParser(CONTEXT, 64 * 1024, depth);
    try {
      parser.parseResponse(new ByteArrayInputStream(document), "fuzz.method");
    } catch (XmlRpcFaultException | NetProtocolException expected) {
      // documented: the fault the server sent, or a response that is not one
    }
  }

  private interface Parse {
    Object run() throws NetProtocolException;
  }

  private static void parseOrRefuse(Parse parse) {
    try {
      parse.run();
    } catch (NetProtocolException expected) {
      // documented
    }
  }
}
