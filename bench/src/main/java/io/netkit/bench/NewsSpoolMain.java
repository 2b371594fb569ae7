package io.netkit.bench;

import io.netkit.testkit.nntp.NntpMockServer;
import java.nio.file.Path;

/**
 * The news server of the NNTP memory rows, in a JVM of its own: {@code NewsSpoolMain DIR} serves
 * the directory spool {@code DIR} (one folder per group, one file per article) with the testkit's
 * {@link NntpMockServer} on a free port, prints the port, and serves until stdin closes. The
 * testkit spool reads each article into memory (it does not stream from its files), so this JVM
 * needs a heap of a few times the largest article; the client's JVM, which is what the rows
 * measure, is the {@code -Xmx64m} one.
 */
public final class NewsSpoolMain {
  private NewsSpoolMain() {}

  public static void main(String[] args) throws Exception {
    try (NntpMockServer server = NntpMockServer.serving(Path.of(args[0]))) {
      server.start(0);
      System.out.println(server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until run.sh closes our stdin (or kills us)
      }
    }
  }
}
