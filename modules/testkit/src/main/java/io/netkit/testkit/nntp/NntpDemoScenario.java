package io.netkit.testkit.nntp;

import io.netkit.core.Credentials;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.DemoResult;
import io.netkit.testkit.spi.DemoScenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The demo's news session, through the NNTP {@link ClientProvider} only: list the groups, post an
 * article (a line starting with a dot and non-ASCII text included) to the demo group, find it in
 * the group's overview, fetch it by its URL and by its message-id ({@code news://}), and check
 * that its body came back intact. The server needs the demo's login for everything.
 */
public final class NntpDemoScenario implements DemoScenario {
  static final String GROUP = "netkit.demo";
  private final Credentials account;

  /** A scenario logging in with a fresh random password. */
  public NntpDemoScenario() {
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    account = new Credentials("demo", HexFormat.of().formatHex(secret));
  }

  @Override
  public Protocol protocol() {
    return Protocol.NNTP;
  }

  @Override
  public Optional<Credentials> account() {
    return Optional.of(account);
  }

  @Override
  public void prepare(Path root) throws IOException {
    Path group = Files.createDirectories(root.resolve(GROUP));
    Files.writeString(
        group.resolve("1"),
        "From: Netkit <demo@example.com>\r\nNewsgroups: " + GROUP + "\r\nSubject: Welcome\r\n"
            + "Message-ID: <welcome@netkit.demo>\r\n\r\nWelcome to the netkit demo group.\r\n",
        StandardCharsets.UTF_8);
  }

  @Override
  public DemoResult run(MockServer server, NetOptions options) throws IOException {
    ClientProvider nntp = Netkit.provider("nntp");
    String login = account.user() + ":" + account.password() + "@" + server.host() + ":" + server.port();
    URI root = URI.create("nntp://" + login + "/");
    List<ListEntry> groups = nntp.list(root, options);
    if (groups.stream().noneMatch(g -> g.name().startsWith(GROUP + " "))) {
      throw new NetException("NNTP demo: " + GROUP + " is not listed: " + groups);
    }
    String id = "<demo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6)) + "@netkit.demo>";
    String body = "Posted by netkit demo.\r\n.A line that starts with a dot.\r\nGrüße, ✓\r\n";
    byte[] article =
        ("From: Demo <demo@example.com>\r\nSubject: netkit demo post\r\nMessage-ID: " + id
                + "\r\n\r\n" + body)
            .getBytes(StandardCharsets.UTF_8);
    URI group = URI.create("nntp://" + login + "/" + GROUP);
    nntp.store(group, options, new ByteArrayInputStream(article), article.length, TransferListener.NONE);
    ListEntry posted =
        nntp.list(group, options).stream()
            .filter(e -> e.name().endsWith("netkit demo post"))
            .findFirst()
            .orElseThrow(() -> new NetException("NNTP demo: the post is not in the overview"));
    String byNumber = fetch(nntp, withLogin(posted.url(), login), options);
    String byId = fetch(nntp, URI.create("news://" + login + "/" + id.substring(1, id.length() - 1)), options);
    if (!byNumber.endsWith("\r\n\r\n" + body) || !byNumber.equals(byId) || !byId.contains("Newsgroups: " + GROUP)) {
      throw new NetException("NNTP demo: the article read back differs from the one posted");
    }
    return new DemoResult(
        "groups " + groups.size() + ", post, overview, read back by number and id, compare ok",
        article.length + 2L * byNumber.getBytes(StandardCharsets.UTF_8).length);
  }

  private static URI withLogin(URI url, String login) {
    return URI.create(url.getScheme() + "://" + login + url.getRawPath());
  }

  private static String fetch(ClientProvider nntp, URI url, NetOptions options) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    nntp.fetch(url, options, out, TransferListener.NONE);
    return out.toString(StandardCharsets.UTF_8);
  }
}
