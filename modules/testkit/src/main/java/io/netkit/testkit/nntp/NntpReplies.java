package io.netkit.testkit.nntp;

import io.netkit.core.line.DotStuffingOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How an {@link NntpMockServer} session writes: status lines, dot-terminated blocks of lines and
 * dot-stuffed article content, to the connection's output (switched to the TLS stream after
 * STARTTLS). Confined to its session's thread.
 */
final class NntpReplies {
  private OutputStream out;

  NntpReplies(OutputStream out) {
    this.out = out;
  }

  /** Writes from now on to {@code next} (the TLS stream after STARTTLS). */
  void switchTo(OutputStream next) {
    this.out = next;
  }

  void flush() throws IOException {
    out.flush();
  }

  void reply(int code, String text) throws IOException {
    out.write((code + (text.isEmpty() ? "" : " " + text) + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  void block(List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
    }
    text.append(".\r\n");
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  void stuffed(byte[] content) throws IOException {
    DotStuffingOutputStream stuffed = new DotStuffingOutputStream(out);
    stuffed.write(content);
    stuffed.finish();
  }
}
