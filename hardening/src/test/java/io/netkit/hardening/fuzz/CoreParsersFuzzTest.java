package io.netkit.hardening.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.line.DotTerminatedInputStream;
import io.netkit.core.line.LineInputStream;
import io.netkit.core.line.Reply;
import io.netkit.core.spi.ClientProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The core's parsers on arbitrary input: endpoints, numeric replies (one line and multi-line)
 * dot-unstuffing and percent-decoding. Each may refuse the input only with its documented exception.
 */
class CoreParsersFuzzTest {
  private static final ErrorContext CONTEXT = new ErrorContext("fuzz", "127.0.0.1");

  @FuzzTest
  void endpointParseRefusesOnlyWithIllegalArgument(byte[] input) {
    String text = Inputs.text(input);
    Endpoint endpoint;
    try {
      endpoint = Endpoint.parse(text);
    } catch (IllegalArgumentException expected) {
      return;
    }
    Invariants.check(endpoint.port() >= 0 && endpoint.port() <= 65_535, "port out of range");
    // What parse accepted must print and parse again to the same endpoint.
    Invariants.check(endpoint.equals(Endpoint.parse(endpoint.toString())),
        "parse(toString()) differs for " + endpoint);
  }

  @FuzzTest
  void replyParseLineRefusesOnlyWithProtocolException(byte[] input) {
    String line = Inputs.text(input);
    try {
      Reply reply = Reply.parseLine(line, CONTEXT);
      Invariants.check(reply.code() >= 100 && reply.code() <= 599, "code out of range");
    } catch (NetProtocolException expected) {
      // documented
    }
  }

  @FuzzTest
  void replyReadRefusesOnlyWithProtocolException(byte[] wire) throws IOException {
    LineInputStream in = new LineInputStream(new ByteArrayInputStream(wire), 512, CONTEXT);
    try {
      while (true) {
        Reply reply = Reply.read(in);
        Invariants.check(!reply.lines().isEmpty(), "a reply without lines");
        Invariants.check(reply.lines().size() <= Reply.MAX_LINES, "too many lines");
      }
    } catch (NetProtocolException expected) {
      // documented, and the end of the input ("connection closed") is one of them
    }
  }

  @FuzzTest
  void percentDecodingRefusesOnlyWithIllegalArgument(byte[] input) {
    try {
      ClientProvider.decode(Inputs.text(input));
    } catch (IllegalArgumentException expected) {
      // documented: a malformed escape
    }
  }

  @FuzzTest
  void dotUnstuffingRefusesOnlyWithProtocolException(FuzzedDataProvider data) throws IOException {
    boolean required = data.consumeBoolean();
    int chunk = data.consumeInt(1, 64);
    byte[] wire = data.consumeRemainingAsBytes();
    DotTerminatedInputStream body =
        new DotTerminatedInputStream(new ByteArrayInputStream(wire), required, CONTEXT);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[chunk];
    try {
      for (int n; (n = body.read(buffer, 0, chunk)) != -1; ) {
        Invariants.check(n >= 0 && n <= chunk, "read returned " + n);
        out.write(buffer, 0, n);
      }
    } catch (NetProtocolException expected) {
      Invariants.check(required, "a lenient body failed: " + expected.getMessage());
      return;
    }
    Invariants.check(body.terminated() != body.endedWithoutTerminator(),
        "neither terminated nor ended without terminator");
    // Unstuffing never grows the body.
    Invariants.check(out.size() <= wire.length, "body longer than the wire");
  }
}
