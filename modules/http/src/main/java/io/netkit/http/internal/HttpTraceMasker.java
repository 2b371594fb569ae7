package io.netkit.http.internal;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceMasker;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the wire trace shows of HTTP/1.x: request and status lines and header fields, with the
 * values of {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and {@code
 * Set-Cookie} masked; a message body shows as one {@code (body not traced)} line unless bodies
 * were asked for (a body the core found binary keeps the core's one-line summary of its size). HTTP/2 frames are binary and compressed: after the connection preface nothing
 * of the connection is shown here ({@link Http2Trace} writes the decoded exchanges instead).
 *
 * <p>It follows each connection's messages line by line: after a header block's empty line the
 * lines are body until the next request line (sent) or status line (received); responses to
 * {@code HEAD} and 1xx, 204 and 304 responses have no body. One instance per connection.
 */
final class HttpTraceMasker implements TraceMasker {
  private static final Pattern REQUEST_LINE =
      Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+ \\S+ HTTP/1\\.[01]$");
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?$");
  private static final Pattern GLUED_REQUEST_LINE =
      Pattern.compile("[A-Z][A-Z_-]* \\S+ HTTP/1\\.[01]$");
  private static final Pattern BINARY_SUMMARY = Pattern.compile("<<< \\d+ bytes? of data >>>");
  static final String BODY_NOTE = "(body not traced)";

  private final boolean traceBodies;
  private final Side sent = new Side();
  private final Side received = new Side();
  private boolean lastRequestWasHead;
  private boolean http2;

  HttpTraceMasker(boolean traceBodies) {
    this.traceBodies = traceBodies;
  }

  @Override
  public TraceMasker forConnection() {
    return new HttpTraceMasker(traceBodies);
  }

  /** Where one direction is: in a header block, or in a body. */
  private static final class Side {
    boolean inBody;
    boolean bodyNoted;
    boolean bodiless;
  }

  @Override
  public synchronized String mask(Direction direction, String line) {
    if (direction == Direction.NOTE) {
      return line;
    }
    if (http2) {
      return null;
    }
    boolean out = direction == Direction.SENT;
    Side side = out ? sent : received;
    if (side.inBody) {
      String start = messageStart(out, line);
      if (start == null) {
        if (traceBodies || BINARY_SUMMARY.matcher(line).matches()) {
          return line; // the core's summary of a binary body tells only its size
        }
        if (side.bodyNoted) {
          return null;
        }
        side.bodyNoted = true;
        return BODY_NOTE;
      }
      side.inBody = false;
      line = start;
    }
    if (out && line.startsWith("PRI * HTTP/2.0")) {
      http2 = true;
      return "(HTTP/2 connection: frames not traced here)";
    }
    if (line.isEmpty()) {
      side.inBody = !side.bodiless;
      side.bodyNoted = false;
      side.bodiless = false;
      return line;
    }
    if (out && REQUEST_LINE.matcher(line).matches()) {
      lastRequestWasHead = line.startsWith("HEAD ");
    } else if (!out) {
      Matcher status = STATUS_LINE.matcher(line);
      if (status.matches()) {
        int code = Integer.parseInt(status.group(1));
        side.bodiless = lastRequestWasHead || code < 200 || code == 204 || code == 304;
      }
    }
    return masked(line);
  }

  /** The line from where a new message starts in it, or null when it is body. */
  private static String messageStart(boolean out, String line) {
    if (!out) {
      int from = line.indexOf("HTTP/1.");
      // A body without a final line end runs into the next message's first line.
      return from >= 0 && STATUS_LINE.matcher(line.substring(from)).matches()
          ? line.substring(from)
          : null;
    }
    if (!REQUEST_LINE.matcher(line).find()) {
      return null;
    }
    // Methods are upper case in practice: where a body ran into the next request line, the
    // first upper-case run that starts a request line is taken for its method.
    Matcher m = GLUED_REQUEST_LINE.matcher(line);
    return m.find() ? line.substring(m.start()) : line;
  }

  /** A header line with a credential's value masked. */
  static String masked(String line) {
    int colon = line.indexOf(':');
    if (colon > 0 && HeaderChecks.isSecret(line.substring(0, colon).trim())) {
      return line.substring(0, colon) + ": ****";
    }
    return line;
  }
}
