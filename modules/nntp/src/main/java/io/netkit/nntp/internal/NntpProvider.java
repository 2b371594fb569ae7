package io.netkit.nntp.internal;

import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.nntp.ArticleRange;
import io.netkit.nntp.NewsGroup;
import io.netkit.nntp.NntpClient;
import io.netkit.nntp.NntpReply;
import io.netkit.nntp.NntpRequest;
import io.netkit.nntp.NntpUrl;
import io.netkit.nntp.Overview;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * NNTP for {@link io.netkit.core.Netkit} and the {@code netkit} command: {@code nntp://},
 * {@code nntps://} and {@code news:} URLs ({@link NntpUrl}). {@code fetch} writes an article raw
 * (as the server sends it, CRLF line ends, dot-unstuffed); for a group it writes the overview as
 * text ({@code number TAB date TAB from TAB subject}, decoded), for the server the group list
 * ({@code name count low high status}). {@code list} gives the groups ({@code
 * nntp://host/}: kind {@code group}, the name then count, low, high and posting status) or a
 * group's overview ({@code nntp://host/group}: kind {@code article}, size in bytes, the Date,
 * then number, From and Subject, decoded). {@code store} posts the stream (headers, blank line,
 * body) to the URL's group, adding {@code Newsgroups:} when the article has none. Stateless and
 * thread-safe.
 */
public final class NntpProvider implements ClientProvider {
  @Override
  public Protocol protocol() {
    return Protocol.NNTP;
  }

  @Override
  public NetClient<?, ?> newClient(NetOptions options) {
    return new NntpClient(options);
  }

  @Override
  public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
      throws IOException {
    NntpUrl target = NntpUrl.parse(url);
    try (NntpClient client = connect(target, options(url, options))) {
      switch (target.kind()) {
        case MESSAGE_ID -> client.request(new NntpRequest.Article(target.article(), NntpRequest.Part.ARTICLE, out, progress));
        case ARTICLE -> {
          client.group(target.group());
          client.request(new NntpRequest.Article(target.article(), NntpRequest.Part.ARTICLE, out, progress));
        }
        case GROUP -> {
          PrintStream text = new PrintStream(out, false, StandardCharsets.UTF_8);
          overview(client, target, o -> text.println(overviewLine(o)));
          text.flush();
        }
        case GROUPS -> {
          PrintStream text = new PrintStream(out, false, StandardCharsets.UTF_8);
          client.request(new NntpRequest.ListActive(null, g -> text.println(groupLine(g))));
          text.flush();
        }
      }
    }
  }

  @Override
  public List<ListEntry> list(URI url, NetOptions options) throws IOException {
    NntpUrl target = NntpUrl.parse(url);
    try (NntpClient client = connect(target, options(url, options))) {
      List<ListEntry> entries = new ArrayList<>();
      switch (target.kind()) {
        case GROUPS ->
            client.request(
                new NntpRequest.ListActive(
                    null,
                    g -> entries.add(new ListEntry("group", groupLine(g), -1, null, groupUrl(target, g.name())))));
        case GROUP -> overview(client, target, o -> entries.add(articleEntry(target, o)));
        default -> throw new IllegalArgumentException("an article cannot be listed, only fetched: " + url);
      }
      return entries;
    }
  }

  @Override
  public void store(URI url, NetOptions options, InputStream in, long size, TransferListener progress)
      throws IOException {
    NntpUrl target = NntpUrl.parse(url);
    if (target.kind() != NntpUrl.Kind.GROUP) {
      throw new IllegalArgumentException("post to a group URL (nntp://host/group), not " + url);
    }
    try (NntpClient client = connect(target, options(url, options))) {
      client.request(new NntpRequest.Post(new Counting(in, size, progress), target.group()));
    }
  }

  /** RFC 5538's {@code news:message-id} and {@code news:group} name no host. */
  @Override
  public boolean allowsNoHost(String scheme) {
    return scheme.equals("news");
  }

  @Override
  public NetOptions options(URI url, NetOptions base) {
    return url.getScheme() != null && url.getScheme().equalsIgnoreCase("nntps")
        ? base.toBuilder().tlsMode(TlsMode.IMPLICIT).build()
        : base;
  }

  private static NntpClient connect(NntpUrl target, NetOptions options) throws IOException {
    return ClientProvider.connected(new NntpClient(options), target.endpoint());
  }

  private static void overview(NntpClient client, NntpUrl target, Consumer<Overview> each)
      throws IOException {
    NntpReply.GroupSelected group = client.group(target.group());
    if (group.count() == 0 || group.high() < group.low()) {
      return;
    }
    client.over(ArticleRange.between(group.low(), group.high()), each);
  }

  /** {@code number TAB date TAB from TAB subject}, decoded, for {@code netkit get nntp://host/group}. */
  static String overviewLine(Overview o) {
    String date = o.time().map(Object::toString).orElse(o.date());
    return o.number() + "\t" + date + "\t" + tabless(o.decodedFrom()) + "\t" + tabless(o.decodedSubject());
  }

  private static String tabless(String text) {
    return text.replace('\t', ' ');
  }

  private static ListEntry articleEntry(NntpUrl target, Overview o) {
    String name = o.number() + " " + o.decodedFrom() + " " + o.decodedSubject();
    URI url = new NntpUrl(target.tls(), target.host(), target.port(), null, target.group(), o.number(), null).toUri();
    return new ListEntry("article", name, o.bytes().orElse(-1), o.time().orElse(null), url);
  }

  /** {@code name count low high status}, the columns `netkit ls nntp://host/` shows. */
  static String groupLine(NewsGroup g) {
    return g.name() + " " + g.estimatedCount() + " " + g.low() + " " + g.high() + " " + g.status();
  }

  private static URI groupUrl(NntpUrl target, String group) {
    return new NntpUrl(target.tls(), target.host(), target.port(), null, group, -1, null).toUri();
  }

  /** Reports progress while the article is read. */
  private static final class Counting extends java.io.FilterInputStream {
    private final long size;
    private final TransferListener progress;
    private long count;

    Counting(InputStream in, long size, TransferListener progress) {
      super(in);
      this.size = size;
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        progress.progress(++count, size);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        progress.progress(count, size);
      }
      return n;
    }
  }
}
