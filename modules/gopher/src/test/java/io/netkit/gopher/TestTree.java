package io.netkit.gopher;

import io.netkit.testkit.gopher.GopherLine;
import io.netkit.testkit.gopher.GopherTree;
import java.util.List;
import java.util.Random;

/** The in-memory tree the client tests read: one item of every type, text with dots, a search. */
final class TestTree {
  static final String HELLO =
      "Hello, gopher.\n.A line that starts with a dot.\n..And one with two.\n.\nLast line.\n";
  static final byte[] BLOB = blob(300_000);
  static final byte[] GIF = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, (byte) 0x80, 0, 0, 0x3b};

  private TestTree() {}

  static GopherTree build() {
    return GopherTree.builder()
        .menu(
            "/",
            GopherLine.info("Welcome to the test tree"),
            GopherLine.item('0', "Hello text", "/hello.txt"),
            GopherLine.item('1', "Sub menu", "/sub/"),
            GopherLine.item('2', "Phone book", "/cso"),
            GopherLine.item('3', "An error item", "/err"),
            GopherLine.item('4', "Mac file", "/file.hqx"),
            GopherLine.item('5', "DOS archive", "/file.zip"),
            GopherLine.item('6', "Uuencoded", "/file.uue"),
            GopherLine.item('7', "Search the tree", "/search"),
            GopherLine.external('8', "Telnet session", "", "telnet.example", 23),
            GopherLine.item('9', "Random blob", "/blob.bin"),
            GopherLine.external('+', "Mirror", "/", "mirror.example", 70),
            GopherLine.external('T', "3270 session", "", "ibm.example", 23),
            GopherLine.item('g', "A GIF", "/pic.gif"),
            GopherLine.item('I', "An image", "/pic.png"),
            GopherLine.item('h', "A web page", "URL:http://example.com/"),
            GopherLine.item('s', "A sound", "/beep.wav"),
            GopherLine.item('d', "A document", "/doc.pdf"),
            GopherLine.item('X', "Some future type", "/x"))
        .menu("/sub/", GopherLine.item('0', "Nested", "/sub/nested.txt"))
        .text("/hello.txt", HELLO)
        .text("/sub/nested.txt", "nested\n")
        .text("/long.txt", "x".repeat(2000) + "\n")
        .binary("/blob.bin", BLOB)
        .binary("/pic.gif", GIF)
        .search(
            "/search",
            query ->
                List.of(
                    GopherLine.info("Results for " + query),
                    GopherLine.item('0', "Match: " + query, "/hello.txt")))
        .build();
  }

  static byte[] blob(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }
}
