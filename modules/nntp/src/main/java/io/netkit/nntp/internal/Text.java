package io.netkit.nntp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an answer line into text without losing any: UTF-8 when the line is valid
 * UTF-8 (RFC 3977's charset), otherwise ISO-8859-1, which maps every byte to one character, so
 * the original bytes can always be recovered (encode such a line as ISO-8859-1). Old servers send 8-bit headers in
 * other charsets; they are kept as they came rather than replaced by U+FFFD. Stateless.
 */
public final class Text {
  private Text() {}

  /** A line read as ISO-8859-1 (one char per byte) re-read as UTF-8 when it is valid UTF-8. */
  public static String decode(String latin1Line) {
    boolean ascii = true;
    for (int i = 0; i < latin1Line.length() && ascii; i++) {
      ascii = latin1Line.charAt(i) < 0x80;
    }
    if (ascii) {
      return latin1Line;
    }
    byte[] bytes = latin1Line.getBytes(StandardCharsets.ISO_8859_1);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return latin1Line;
    }
  }
}
