package io.netkit.nntp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.ErrorContext;
import io.netkit.core.NetProtocolException;
import io.netkit.core.UnsafeArgumentException;
import io.netkit.nntp.NntpReply;
import io.netkit.nntp.Overview;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsers and codecs, without sockets. */
class CodecsTest {
  @Test
  void encodedWordsDecodeAndAdjacentWordsJoin() {
    assertEquals("Grüße", EncodedWords.decode("=?UTF-8?B?R3LDvMOfZQ==?="));
    assertEquals("café au lait", EncodedWords.decode("=?iso-8859-1?Q?caf=E9_au?= =?iso-8859-1?Q?_lait?="));
    assertEquals("plain =?bogus?X?x?= text", EncodedWords.decode("plain =?bogus?X?x?= text"));
    assertEquals("Re: Grüße", EncodedWords.decode("Re: =?UTF-8?B?R3LDvMOfZQ==?="));
  }

  @Test
  void encodingRoundTripsLongNonAsciiText() {
    String text = "Ünïcödé ✓ ".repeat(12);
    String encoded = EncodedWords.encode(text);
    assertTrue(encoded.chars().allMatch(c -> c < 0x80), encoded);
    assertTrue(List.of(encoded.split(" ")).stream().allMatch(w -> w.length() <= 75), encoded);
    assertEquals(text, EncodedWords.decode(encoded));
    assertEquals("ascii stays", EncodedWords.encode("ascii stays"));
  }

  @Test
  void newsDatesParseLeniently() {
    Instant t = Instant.parse("2026-12-01T19:23:54Z");
    assertEquals(t, NewsDates.parse("Tue, 1 Dec 2026 19:23:54 -0000 (UTC)").orElseThrow());
    assertEquals(t, NewsDates.parse("1 Dec 2026 19:23:54 GMT").orElseThrow());
    assertEquals(t, NewsDates.parse("Tue, 01 Dec 2026 20:23:54 +0100").orElseThrow());
    assertTrue(NewsDates.parse("not a date").isEmpty());
    assertEquals("20261201 192354 GMT", NewsDates.argument(t));
    assertEquals(t, NewsDates.parseStamp("20261201192354"));
  }

  @Test
  void textKeepsBytesThatAreNotUtf8() {
    String latin1 = new String(new byte[] {'c', 'a', 'f', (byte) 0xe9}, StandardCharsets.ISO_8859_1);
    assertEquals("café", Text.decode(latin1));
    String utf8 = new String("café".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    assertEquals("café", Text.decode(utf8));
  }

  @Test
  void overviewFieldsFollowTheFormatAndFullFieldsLoseTheirName() throws NetProtocolException {
    List<String> format = List.of("Subject:", "From:", "Date:", "Message-ID:", "References:", "Bytes:", "Lines:", "Xref:full");
    Overview o = Parsers.overview("7\tS\tF\tD\t<m@x>\t<r@x>\t123\t4\tXref: host g:7", format, ErrorContext.NONE);
    assertEquals(7, o.number());
    assertEquals("host g:7", o.field("Xref:full").orElseThrow());
    assertEquals(123, o.bytes().getAsLong());
    assertEquals(4, o.lines().getAsLong());
    assertThrows(NetProtocolException.class, () -> Parsers.overview("x\tS", format, ErrorContext.NONE));
  }

  @Test
  void activeAndGroupLines() throws NetProtocolException {
    assertEquals("comp.lang", Parsers.active("comp.lang 0000000010 0000000002 m", ErrorContext.NONE).name());
    assertEquals(9, Parsers.active("comp.lang 10 2 m", ErrorContext.NONE).estimatedCount());
    assertThrows(NetProtocolException.class, () -> Parsers.active("broken", ErrorContext.NONE));
    NntpReply.GroupSelected g = Parsers.group(io.netkit.core.line.Reply.of(211, "5 1 9 misc.test"), "x", ErrorContext.NONE);
    assertEquals(new NntpReply.GroupSelected("misc.test", 5, 1, 9), g);
  }

  @Test
  void articleHeadersAreCheckedAndTheBodyStaysInTheStream() throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(
        "From: a@example.com\r\nSubject: folded\r\n  second part\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
    ArticleHeaders headers = ArticleHeaders.read(in);
    assertEquals("folded second part", headers.get("subject").orElseThrow());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, headers::requirePostable);
    assertTrue(missing.getMessage().contains("Newsgroups"), missing.getMessage());
    headers.add("Newsgroups", "misc.test");
    headers.requirePostable();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    headers.writeTo(out);
    assertTrue(out.toString(StandardCharsets.US_ASCII).endsWith("Newsgroups: misc.test\r\n\r\n"));
    assertEquals("body\r\n", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    assertThrows(IllegalArgumentException.class,
        () -> ArticleHeaders.read(new ByteArrayInputStream("no header here\n\nbody".getBytes(StandardCharsets.US_ASCII))));
    assertThrows(UnsafeArgumentException.class,
        () -> ArticleHeaders.read(new ByteArrayInputStream("Subject: a\rb\n\n".getBytes(StandardCharsets.US_ASCII))));
  }
}
