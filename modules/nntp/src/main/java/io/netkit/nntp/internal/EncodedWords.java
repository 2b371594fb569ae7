package io.netkit.nntp.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words in header values ({@code =?UTF-8?B?...?=}, {@code =?iso-8859-1?Q?...?=}),
 * as news subjects and names carry non-ASCII text. Decoding is lenient: a word that does not decode
 * (unknown charset, bad base64) is left as it was, and whitespace between two encoded words is
 * dropped as the RFC says. Stateless.
 */
public final class EncodedWords {
  private static final Pattern WORD =
      Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
  private static final int MAX_WORD_TEXT = 45; // 45 bytes -> 60 base64 chars, under 75 per word

  private EncodedWords() {}

  /** {@code text} with its encoded words decoded. */
  public static String decode(String text) {
    if (text.indexOf("=?") < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Matcher m = WORD.matcher(text);
    int last = 0;
    boolean previousWasWord = false;
    while (m.find()) {
      String between = text.substring(last, m.start());
      String decoded = decodeWord(m.group(1), m.group(2), m.group(3));
      if (!(previousWasWord && between.isBlank() && decoded != null)) {
        out.append(between);
      }
      out.append(decoded == null ? m.group() : decoded);
      previousWasWord = decoded != null;
      last = m.end();
    }
    out.append(text, last, text.length());
    return out.toString();
  }

  private static String decodeWord(String charsetName, String encoding, String payload) {
    try {
      String name = charsetName;
      int star = name.indexOf('*'); // RFC 2231 language suffix
      if (star >= 0) {
        name = name.substring(0, star);
      }
      Charset charset = Charset.forName(name);
      byte[] bytes =
          encoding.equalsIgnoreCase("B") ? Base64.getMimeDecoder().decode(payload) : quoted(payload);
      return new String(bytes, charset);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] quoted(String payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < payload.length(); i++) {
      char c = payload.charAt(i);
      if (c == '_') {
        out.write(' ');
      } else if (c == '=' && i + 2 < payload.length()) {
        out.write(Integer.parseInt(payload.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  /** {@code text} as it may stand in a header: itself when ASCII, otherwise B-encoded UTF-8 words. */
  public static String encode(String text) {
    if (text.chars().allMatch(c -> c < 0x7f && c >= 0x20 || c == '\t')) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      // Cut on code point boundaries so no word splits a character.
      int end = i;
      int bytes = 0;
      while (end < text.length()) {
        int cp = text.codePointAt(end);
        int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
        if (bytes + size > MAX_WORD_TEXT) {
          break;
        }
        bytes += size;
        end += Character.charCount(cp);
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      String chunk = text.substring(i, end);
      out.append("=?UTF-8?B?")
          .append(Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8)))
          .append("?=");
      i = end;
    }
    return out.toString();
  }
}
