package io.netkit.examples.protocols;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.core.Credentials;
import io.netkit.examples.nntp.ReadGroup;
import io.netkit.testkit.nntp.NewsSpool;
import io.netkit.testkit.nntp.NntpMockServer;
import org.junit.jupiter.api.Test;

/** ReadGroup, run as its own process as the examples README says, against the NNTP mock. */
class NntpExampleTest {
  private static String run(int expectedExit, String... args) throws Exception {
    return ExampleProcess.run(ReadGroup.class, expectedExit, args);
  }

  private static NewsSpool spool() {
    NewsSpool spool = new NewsSpool().group("netkit.example", "examples");
    for (int i = 1; i <= 12; i++) {
      spool.article("netkit.example",
          "From: Poster " + i + " <p" + i + "@example.com>\r\nNewsgroups: netkit.example\r\n"
              + "Subject: " + (i == 12 ? "=?UTF-8?B?R3LDvMOfZQ==?=" : "post " + i) + "\r\n"
              + "Date: Tue, 01 Dec 2026 10:" + (10 + i) + ":00 +0000\r\nMessage-ID: <p" + i + "@example.com>\r\n\r\n"
              + "Body of post " + i + ".\r\n");
    }
    return spool;
  }

  @Test
  void readGroupPrintsTheNewestOverviewLinesAndTheNewestBody() throws Exception {
    try (NntpMockServer server = NntpMockServer.of(spool())) {
      server.start();
      String output = run(0, "127.0.0.1:" + server.port(), "netkit.example", "3");
      assertTrue(output.contains("netkit.example: 12 articles, 1-12"), output);
      assertTrue(output.contains("10  2026-12-01T10:20:00Z  Poster 10 <p10@example.com>  post 10"), output);
      assertTrue(output.contains("12  2026-12-01T10:22:00Z  Poster 12 <p12@example.com>  Grüße"), output);
      assertTrue(!output.contains("post 9"), "only the newest three: " + output);
      assertTrue(output.contains("--- article 12 <p12@example.com> ---\nBody of post 12.\n"), output);
    }
  }

  @Test
  void readGroupLogsInWhenTheServerWantsIt() throws Exception {
    try (NntpMockServer server = NntpMockServer.of(spool()).account(new Credentials("ann", "pw-ann"), NntpMockServer.AuthScope.ALL)) {
      server.start();
      String output = run(0, "127.0.0.1:" + server.port(), "netkit.example", "--user", "ann:pw-ann");
      assertTrue(output.contains("12 articles"), output);
      String refused = run(1, "127.0.0.1:" + server.port(), "netkit.example");
      assertTrue(refused.startsWith("nntp: ") && refused.contains("480"), refused);
    }
  }
}
