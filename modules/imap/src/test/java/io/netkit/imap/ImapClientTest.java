package io.netkit.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netkit.testkit.imap.ImapMockServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImapClientTest {
  private ImapMockServer server;
  private ImapClient client;

  @BeforeEach
  void start() throws Exception {
    server = ImapTestSupport.server().folder("Archive");
    server.start();
    client = ImapTestSupport.connected(server, ImapTestSupport.options(null).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop();
  }

  @Test
  void selectReportsTheCounts() throws Exception {
    MailboxStatus status = client.select("INBOX");
    assertEquals(2, status.messages());
    assertEquals(2, status.unseen());
    assertTrue(status.uidValidity() > 0);
    assertTrue(status.uidNext() > 2);
    assertFalse(status.readOnly());
    assertTrue(client.examine("INBOX").readOnly());
  }

  @Test
  void listsFolders() throws Exception {
    List<String> names = client.folders().stream().map(ImapFolder::name).toList();
    assertTrue(names.contains("INBOX"), names.toString());
    assertTrue(names.contains("Archive"), names.toString());
  }

  @Test
  void searchFetchesAndDoesNotSetSeen() throws Exception {
    List<Long> all = client.search("INBOX", SearchTerm.all());
    assertEquals(2, all.size());
    List<Long> fromBob = client.search("INBOX", SearchTerm.from("bob@example.org"));
    assertEquals(List.of(all.get(0)), fromBob);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long bytes = client.fetch("INBOX", fromBob.get(0), out);
    assertEquals(out.size(), bytes);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("Hello Alice, this is the body."));
    assertEquals(2, client.search("INBOX", SearchTerm.unseen()).size(), "fetch left \\Seen alone");
    MessageSummary summary = client.summaries("INBOX", List.of(all.get(1))).get(0);
    assertEquals("Quartalsbericht für Q3", summary.envelope().subject());
    assertEquals(List.of(all.get(1)), client.search("INBOX", SearchTerm.subject("Quartalsbericht für")));
  }

  @Test
  void fetchesOnePartDecoded() throws Exception {
    long uid = client.search("INBOX", SearchTerm.subject("Quartalsbericht")).get(0);
    BodyPart root = client.structure("INBOX", uid);
    assertEquals("multipart/mixed", root.mimeType());
    BodyPart attachment = root.parts().get(1);
    assertEquals("2", attachment.section());
    assertEquals("data.bin", attachment.fileName().orElseThrow());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    client.fetch("INBOX", uid, "2", true, out, io.netkit.core.TransferListener.NONE);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), toList(out.toByteArray()));
  }

  @Test
  void flagsAppendMoveAndDelete() throws Exception {
    long uid = client.search("INBOX", SearchTerm.from("bob@example.org")).get(0);
    client.flags("INBOX", List.of(uid), Set.of(ImapFlags.FLAGGED, "Work"), true);
    assertEquals(List.of(uid), client.search("INBOX", SearchTerm.flagged()));
    assertEquals(List.of(uid), client.search("INBOX", SearchTerm.flag("Work")));
    client.flags("INBOX", List.of(uid), Set.of(ImapFlags.FLAGGED), false);
    assertEquals(List.of(), client.search("INBOX", SearchTerm.flagged()));

    ImapAnswer.Appended appended = client.append("Archive",
        new java.io.ByteArrayInputStream(ImapTestSupport.HELLO.getBytes(StandardCharsets.UTF_8)), -1,
        Set.of(ImapFlags.SEEN), null);
    assertTrue(appended.uid() > 0, appended.toString());
    assertEquals(1, client.status("Archive").messages());

    ImapAnswer.Copied moved = client.move("INBOX", List.of(uid), "Archive");
    assertTrue(moved.originalsRemoved());
    assertEquals(1, client.status("INBOX").messages());
    assertEquals(2, client.status("Archive").messages());

    long other = client.search("INBOX", SearchTerm.all()).get(0);
    assertEquals(1, client.delete("INBOX", List.of(other)));
    assertEquals(0, client.select("INBOX").messages());
  }

  private static List<Integer> toList(byte[] bytes) {
    java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
    for (byte b : bytes) {
      out.add((int) b);
    }
    return out;
  }
}
