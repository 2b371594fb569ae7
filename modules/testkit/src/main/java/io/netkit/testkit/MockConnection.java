package io.netkit.testkit;

import io.netkit.core.line.LineInputStream;
import io.netkit.core.transport.TcpConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One client connection as a mock server's protocol code sees it: the client's input, and an
 * output that already carries the fault chosen for this connection (a protocol handler writes its
 * normal answer and the fault is applied on the way out). Not thread-safe.
 */
public final class MockConnection {
  private final TcpConnection connection;
  private final OutputStream output;
  private final Fault fault;

  MockConnection(TcpConnection connection, OutputStream output, Fault fault) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.output = Objects.requireNonNull(output, "output");
    this.fault = fault;
  }

  /** What the client sends: lines or raw bytes, each read bounded by the server's read timeout. */
  public LineInputStream input() {
    return connection.input();
  }

  /** Reads one line from the client (CRLF or bare LF), or null when the client closed. */
  public String readLine() throws IOException {
    return connection.input().readLine();
  }

  /** Where answers go; flushed when the handler returns. Faults are applied here. */
  public OutputStream output() {
    return output;
  }

  /** Writes {@code line} and CRLF in UTF-8 (no flush). */
  public void writeLine(String line) throws IOException {
    output.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The fault in force for this connection. */
  public Fault fault() {
    return fault;
  }

  /** The underlying core connection (peer address, TLS session). */
  public TcpConnection tcp() {
    return connection;
  }
}
