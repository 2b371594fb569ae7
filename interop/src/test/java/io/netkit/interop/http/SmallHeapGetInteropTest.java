package io.netkit.interop.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A GET of nginx's 256 MiB file, four times the heap, over HTTP/1.1 and over h2: a child JVM with
 * {@code -Xmx64m} streams it into a hashing sink; a client that held it would die of
 * OutOfMemoryError, one that lost or spliced bytes would get another SHA-256.
 */
class SmallHeapGetInteropTest {
  private final HttpServers nginx = new HttpServers();

  @ParameterizedTest
  @ValueSource(strings = {"http", "https"})
  void aGetOfAFileLargerThanTheHeapStreams(String scheme) throws Exception {
    String path = nginx.servers.require("HTTP_BIG_PATH");
    URI url = scheme.equals("http") ? nginx.http(path) : nginx.https(path);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx64m", "-cp",
            System.getProperty("java.class.path"), SmallHeapGetChild.class.getName(),
            url.toString(), nginx.servers.require("CA_PEM")))
        .redirectErrorStream(true)
        .start();
    assertTrue(child.waitFor(50, TimeUnit.SECONDS), "child finished in time");
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, child.exitValue(), output);
    String[] last = output.lines().reduce((a, b) -> b).orElse("").split(" ");
    assertEquals(nginx.servers.require("HTTP_BIG_SIZE"), last[0], output);
    assertEquals(nginx.servers.require("HTTP_BIG_SHA256"), last[1], output);
    assertEquals(scheme.equals("http") ? "http/1.1" : "h2", last[2], output);
    assertTrue(Long.parseLong(last[3]) < Long.parseLong(last[0]) / 2, "the heap really is small");
  }
}
