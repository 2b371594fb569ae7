package io.netkit.nntp.internal;

import io.netkit.core.line.DotStuffingOutputStream;
import io.netkit.core.line.DotTerminatedInputStream;
import io.netkit.core.line.Reply;
import io.netkit.core.NetProtocolException;
import io.netkit.nntp.NewsGroup;
import io.netkit.nntp.NntpReply;
import io.netkit.nntp.NntpRequest;
import io.netkit.nntp.Overview;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each {@link NntpRequest} sends and how its answer is read, on a {@link Session}: the
 * command line, the code that means success, and the parser of the lines that follow. Stateless
 * but for the session it works on; not thread-safe.
 */
public final class Requests {
  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

  private final Session session;

  public Requests(Session session) {
    this.session = session;
  }

  /** Sends {@code request} and reads its answer. */
  public NntpReply send(NntpRequest request) throws IOException {
    if (request instanceof NntpRequest.Capabilities) {
      return session.refreshCapabilities();
    }
    if (request instanceof NntpRequest.ListActive list) {
      return listActive(list);
    }
    if (request instanceof NntpRequest.ListNewsgroups list) {
      return listNewsgroups(list);
    }
    if (request instanceof NntpRequest.ListOverviewFormat) {
      return new NntpReply.OverviewFormat(session.overviewFormat());
    }
    if (request instanceof NntpRequest.Group select) {
      Reply reply = session.command("GROUP " + select.name(), "GROUP " + select.name(), 211);
      NntpReply.GroupSelected group = Parsers.group(reply, select.name(), session.wire().context());
      session.selected(group);
      return group;
    }
    if (request instanceof NntpRequest.ListGroup list) {
      return listGroup(list);
    }
    if (request instanceof NntpRequest.Article article) {
      return article(article);
    }
    if (request instanceof NntpRequest.Stat stat) {
      String line = join("STAT", stat.id().argument());
      return Parsers.pointer(session.command(line, "STAT " + stat.id(), 223), session.wire().context());
    }
    if (request instanceof NntpRequest.Next) {
      return Parsers.pointer(session.command("NEXT", "NEXT", 223), session.wire().context());
    }
    if (request instanceof NntpRequest.Last) {
      return Parsers.pointer(session.command("LAST", "LAST", 223), session.wire().context());
    }
    if (request instanceof NntpRequest.Over over) {
      return over(over);
    }
    if (request instanceof NntpRequest.Hdr hdr) {
      return hdr(hdr);
    }
    if (request instanceof NntpRequest.NewGroups newGroups) {
      String line = "NEWGROUPS " + NewsDates.argument(newGroups.since());
      session.command(line, "NEWGROUPS", 231);
      return groups(null);
    }
    if (request instanceof NntpRequest.NewNews newNews) {
      String line = "NEWNEWS " + newNews.wildmat() + " " + NewsDates.argument(newNews.since());
      session.command(line, "NEWNEWS " + newNews.wildmat(), 230);
      List<String> ids = new ArrayList<>();
      session.block(session.limits(), line2 -> ids.add(line2.strip()));
      return new NntpReply.MessageIds(ids);
    }
    if (request instanceof NntpRequest.Post post) {
      return post(post);
    }
    if (request instanceof NntpRequest.IHave ihave) {
      return ihave(ihave);
    }
    if (request instanceof NntpRequest.Date) {
      Reply reply = session.command("DATE", "DATE", 111);
      try {
        return new NntpReply.ServerDate(NewsDates.parseStamp(reply.firstLine().strip().split("\\s+")[0]));
      } catch (DateTimeParseException e) {
        throw Parsers.malformed(session.wire().context(), "DATE answer", reply.firstLine());
      }
    }
    throw new IllegalArgumentException("unknown request: " + request);
  }

  private NntpReply listActive(NntpRequest.ListActive list) throws IOException {
    String line = list.wildmat() == null ? "LIST ACTIVE" : "LIST ACTIVE " + list.wildmat();
    session.command(line, line, 215);
    return groups(list.each());
  }

  private NntpReply.Groups groups(Consumer<NewsGroup> each) throws IOException {
    List<NewsGroup> found = new ArrayList<>();
    List<NetProtocolException> bad = new ArrayList<>();
    long count =
        session.block(
            each == null ? session.limits() : null,
            line -> {
              try {
                NewsGroup g = Parsers.active(line, session.wire().context());
                if (each == null) {
                  found.add(g);
                } else {
                  each.accept(g);
                }
              } catch (NetProtocolException e) {
                bad.add(e);
              }
            });
    if (!bad.isEmpty()) {
      throw bad.get(0);
    }
    return new NntpReply.Groups(found, count);
  }

  private NntpReply listNewsgroups(NntpRequest.ListNewsgroups list) throws IOException {
    String line = list.wildmat() == null ? "LIST NEWSGROUPS" : "LIST NEWSGROUPS " + list.wildmat();
    session.command(line, line, 215);
    Map<String, String> descriptions = new LinkedHashMap<>();
    session.block(
        session.limits(),
        entry -> {
          String[] parts = entry.strip().split("\\s+", 2);
          descriptions.put(parts[0], parts.length > 1 ? parts[1] : "");
        });
    return new NntpReply.Descriptions(descriptions);
  }

  private NntpReply listGroup(NntpRequest.ListGroup list) throws IOException {
    StringBuilder line = new StringBuilder("LISTGROUP");
    if (list.group() != null) {
      line.append(' ').append(list.group());
      if (list.range() != null) {
        line.append(' ').append(list.range());
      }
    }
    Reply reply = session.command(line.toString(), line.toString(), 211);
    String asked = list.group() != null ? list.group() : session.group().map(NntpReply.GroupSelected::name).orElse("");
    NntpReply.GroupSelected group = Parsers.group(reply, asked, session.wire().context());
    session.selected(group);
    List<Long> numbers = new ArrayList<>();
    List<NetProtocolException> bad = new ArrayList<>();
    session.block(
        session.limits(),
        n -> {
          try {
            numbers.add(Parsers.number(n.strip(), session.wire().context(), n));
          } catch (NetProtocolException e) {
            bad.add(e);
          }
        });
    if (!bad.isEmpty()) {
      throw bad.get(0);
    }
    return new NntpReply.ArticleNumbers(group, numbers);
  }

  private NntpReply article(NntpRequest.Article request) throws IOException {
    String verb = request.part().name();
    int expected = switch (request.part()) {
      case ARTICLE -> 220;
      case HEAD -> 221;
      case BODY -> 222;
    };
    Reply reply = session.command(join(verb, request.id().argument()), verb + " " + request.id(), expected);
    NntpReply.ArticlePointer pointer = Parsers.pointer(reply, session.wire().context());
    session.inTransfer(true);
    DotTerminatedInputStream in =
        new DotTerminatedInputStream(session.connection().input(), false, session.wire().context());
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    int n;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      request.sink().write(buffer, 0, n);
      total += n;
      request.progress().progress(total, -1);
    }
    if (in.endedWithoutTerminator()) {
      throw new io.netkit.core.NetTruncatedException(session.wire().context(),
          "connection closed after " + total + " bytes of the " + verb
              + " answer, before its terminating '.' line", -1, total, null);
    }
    session.inTransfer(false);
    return new NntpReply.ArticleTransfer(pointer.number(), pointer.messageId(), total);
  }

  private NntpReply over(NntpRequest.Over over) throws IOException {
    List<String> format = session.overviewFormat();
    String verb = session.capabilities().has("OVER") ? "OVER" : "XOVER";
    String argument = over.range() != null ? over.range().toString() : over.messageId() != null ? over.messageId() : "";
    session.command(join(verb, argument), join(verb, argument), 224);
    List<Overview> found = new ArrayList<>();
    List<NetProtocolException> bad = new ArrayList<>();
    long count =
        session.block(
            over.each() == null ? session.limits() : null,
            line -> {
              try {
                Overview o = Parsers.overview(line, format, session.wire().context());
                if (over.each() == null) {
                  found.add(o);
                } else {
                  over.each().accept(o);
                }
              } catch (NetProtocolException e) {
                bad.add(e);
              }
            });
    if (!bad.isEmpty()) {
      throw bad.get(0);
    }
    return new NntpReply.Overviews(found, count);
  }

  private NntpReply hdr(NntpRequest.Hdr hdr) throws IOException {
    boolean modern = session.capabilities().has("HDR");
    String verb = modern ? "HDR" : "XHDR";
    String selection = hdr.range() != null ? hdr.range().toString() : hdr.messageId() != null ? hdr.messageId() : "";
    String line = join(verb + " " + hdr.field(), selection);
    session.command(line, line, modern ? 225 : 221);
    List<NntpReply.HeaderValue> values = new ArrayList<>();
    List<NetProtocolException> bad = new ArrayList<>();
    session.block(
        session.limits(),
        entry -> {
          try {
            values.add(Parsers.header(entry, session.wire().context()));
          } catch (NetProtocolException e) {
            bad.add(e);
          }
        });
    if (!bad.isEmpty()) {
      throw bad.get(0);
    }
    return new NntpReply.HeaderValues(hdr.field(), values);
  }

  private NntpReply post(NntpRequest.Post post) throws IOException {
    ArticleHeaders headers = ArticleHeaders.read(post.article());
    if (post.newsgroupsIfMissing() != null && headers.get("Newsgroups").isEmpty()) {
      headers.add("Newsgroups", post.newsgroupsIfMissing());
    }
    headers.requirePostable();
    Reply go = session.command("POST", "POST", 340);
    String messageId = headers.get("Message-ID").orElse(null);
    if (messageId == null) {
      Matcher recommended = MESSAGE_ID.matcher(go.firstLine());
      if (recommended.find()) {
        messageId = recommended.group();
        headers.add("Message-ID", messageId);
      }
    }
    sendArticle(headers, post.article());
    Reply done = session.wire().reply();
    if (done.code() != 240) {
      throw Refusals.of(session.wire().context(), done, "POST (the server did not accept the article)");
    }
    return new NntpReply.Posted(messageId, done.code(), done.firstLine());
  }

  private NntpReply ihave(NntpRequest.IHave ihave) throws IOException {
    ArticleHeaders headers = ArticleHeaders.read(ihave.article());
    session.command("IHAVE " + ihave.messageId(), "IHAVE " + ihave.messageId(), 335);
    sendArticle(headers, ihave.article());
    Reply done = session.wire().reply();
    if (done.code() != 235) {
      throw Refusals.of(session.wire().context(), done, "IHAVE " + ihave.messageId() + " (the server did not take the article)");
    }
    return new NntpReply.Posted(ihave.messageId(), done.code(), done.firstLine());
  }

  private void sendArticle(ArticleHeaders headers, InputStream body) throws IOException {
    session.inTransfer(true);
    DotStuffingOutputStream out = new DotStuffingOutputStream(session.connection().output());
    // Without finish() the stream abandons the article: a failed read of the body never ends
    // with a terminating dot, and request() closes the connection.
    headers.writeTo(out);
    body.transferTo(out);
    out.finish();
    session.inTransfer(false);
  }

  private static String join(String verb, String argument) {
    return argument.isEmpty() ? verb : verb + " " + argument;
  }
}
