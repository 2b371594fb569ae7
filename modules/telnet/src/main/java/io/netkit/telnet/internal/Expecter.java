package io.netkit.telnet.internal;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text received and not yet consumed by an expect: bytes are decoded as they arrive (a
 * character split across two reads is completed by the next), undecodable bytes become U+FFFD,
 * and a match consumes everything up to its end. Not thread-safe.
 */
final class Expecter {
  private final Charset charset;
  private final CharsetDecoder decoder;
  private final StringBuilder pending = new StringBuilder();
  private byte[] carry = new byte[0];

  Expecter(Charset charset) {
    this.charset = charset;
    this.decoder =
        charset.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
  }

  /** Adds bytes received. */
  void append(byte[] data, int offset, int length) {
    ByteBuffer in = ByteBuffer.allocate(carry.length + length);
    in.put(carry).put(data, offset, length).flip();
    CharBuffer out = CharBuffer.allocate((int) (in.remaining() * decoder.maxCharsPerByte()) + 4);
    decoder.decode(in, out, false);
    out.flip();
    pending.append(out);
    carry = new byte[in.remaining()];
    in.get(carry);
  }

  /** The unconsumed text. */
  String pending() {
    return pending.toString();
  }

  /** How many characters are unconsumed. */
  int length() {
    return pending.length();
  }

  /**
   * The earliest match of any of {@code patterns} in the unconsumed text, consuming through its
   * end; null when none matches yet. Ties go to the first pattern.
   */
  Found find(List<Pattern> patterns) {
    Matcher best = null;
    int bestIndex = -1;
    for (int i = 0; i < patterns.size(); i++) {
      Matcher m = patterns.get(i).matcher(pending);
      if (m.find() && (best == null || m.start() < best.start())) {
        best = m;
        bestIndex = i;
      }
    }
    if (best == null) {
      return null;
    }
    List<String> groups = new ArrayList<>(best.groupCount());
    for (int g = 1; g <= best.groupCount(); g++) {
      groups.add(best.group(g));
    }
    Found found =
        new Found(bestIndex, pending.substring(0, best.start()), best.group(), groups);
    pending.delete(0, best.end());
    return found;
  }

  /**
   * Hands over the unconsumed text as bytes again (for a raw read after expects) and empties
   * this buffer.
   */
  ByteArrayInputStream drain() {
    byte[] text = pending.toString().getBytes(charset);
    byte[] all = new byte[text.length + carry.length];
    System.arraycopy(text, 0, all, 0, text.length);
    System.arraycopy(carry, 0, all, text.length, carry.length);
    pending.setLength(0);
    carry = new byte[0];
    decoder.reset();
    return new ByteArrayInputStream(all);
  }

  /** One match: which pattern, the text before it, the match and its groups. */
  record Found(int index, String before, String matched, List<String> groups) {}
}
