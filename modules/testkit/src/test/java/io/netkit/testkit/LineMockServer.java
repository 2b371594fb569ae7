package io.netkit.testkit;

import io.netkit.core.Protocol;
import java.io.IOException;

/** A tiny protocol for testing the base: greets, then echoes one line upper-cased, then closes. */
final class LineMockServer extends AbstractMockServer {
  static final String GREETING = "200 hello from the line server";

  LineMockServer() {
    super(Protocol.TELNET, "line-mock");
  }

  @Override
  protected void serve(MockConnection connection) throws IOException {
    connection.writeLine(GREETING);
    connection.output().flush();
    String line = connection.readLine();
    if (line != null) {
      connection.writeLine(line.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
