package io.netkit.testkit.nntp;

import io.netkit.testkit.MockConnection;
import io.netkit.testkit.nntp.internal.SpoolArticle;
import io.netkit.testkit.nntp.internal.Wildmat;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One client's conversation with an {@link NntpMockServer}: the command loop, capabilities,
 * STARTTLS, lists, groups and article retrieval. Authentication is {@link NntpAuthentication}'s,
 * posting {@link NntpPosting}'s, OVER and HDR {@link NntpOverviews}', the reply framing {@link NntpReplies}'. Confined to its handler
 * thread.
 */
final class NntpSession {
    private static final List<String> OVERVIEW_FMT =
      List.of("Subject:", "From:", "Date:", "Message-ID:", "References:", ":bytes", ":lines");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

  private final NntpMockServer server;
  private final MockConnection connection;
  private final NewsSpool spool;
  private final NntpReplies replies;
  private final NntpAuthentication authentication;
  private final NntpPosting posting;
  private final NntpOverviews overviews;
  private boolean tls;
  private boolean reader;
  private String group;
  private long current = -1;

  NntpSession(NntpMockServer server, MockConnection connection) {
    this.server = server;
    this.connection = connection;
    this.spool = server.spool();
    this.replies = new NntpReplies(connection.output());
    this.authentication = new NntpAuthentication(server, connection, replies);
    this.posting = new NntpPosting(server, connection, replies);
    this.overviews = new NntpOverviews(spool, replies);
    this.tls = server.isTls();
    this.reader = !server.requiresModeReader();
  }

  void run() throws IOException {
    reply(server.allowsPosting() ? 200 : 201, "netkit NNTP mock ready (posting " + (server.allowsPosting() ? "ok" : "prohibited") + ")");
    while (true) {
      String line = connection.readLine();
      if (line == null) {
        return;
      }
      server.record(line);
      String[] words = line.strip().split("\\s+");
      String verb = words[0].toUpperCase(Locale.ROOT);
      if (verb.equals("QUIT")) {
        reply(205, "bye");
        return;
      }
      handle(verb, words, line);
    }
  }

  private void handle(String verb, String[] w, String line) throws IOException {
    if (!isOpenCommand(verb) && needsLogin(verb)) {
      reply(480, "authentication required");
      return;
    }
    if (!reader && isReaderCommand(verb)) {
      reply(502, "transit mode: send MODE READER first");
      return;
    }
    switch (verb) {
      case "CAPABILITIES" -> capabilities();
      case "MODE" -> modeReader(w);
      case "DATE" -> reply(111, STAMP.format(LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC)));
      case "STARTTLS" -> startTls();
      case "AUTHINFO" -> authinfo(w);
      case "LIST" -> list(w);
      case "GROUP" -> group(w);
      case "LISTGROUP" -> listGroup(w);
      case "ARTICLE", "HEAD", "BODY", "STAT" -> article(verb, w);
      case "NEXT", "LAST" -> step(verb.equals("NEXT"));
      case "OVER", "XOVER" -> over(verb, w);
      case "HDR", "XHDR" -> hdr(verb, w);
      case "NEWGROUPS" -> newGroups(w);
      case "NEWNEWS" -> newNews(w);
      case "POST" -> posting.post();
      case "IHAVE" -> posting.ihave(w);
      case "HELP" -> {
        reply(100, "help text follows");
        block(List.of("CAPABILITIES LIST GROUP ARTICLE OVER HDR POST ..."));
      }
      default -> reply(500, "unknown command");
    }
  }

  private boolean isOpenCommand(String verb) {
    return List.of("CAPABILITIES", "MODE", "STARTTLS", "AUTHINFO", "DATE", "HELP").contains(verb);
  }

  private boolean isReaderCommand(String verb) {
    return !isOpenCommand(verb) && !verb.equals("IHAVE") && !verb.equals("LIST");
  }

  private boolean needsLogin(String verb) {
    if (authentication.authenticated() || server.accountSetting().isEmpty()) {
      return false;
    }
    return switch (server.authScope()) {
      case NONE -> false;
      case POSTING -> verb.equals("POST") || verb.equals("IHAVE");
      case ALL -> true;
    };
  }

  private boolean legacy() {
    return server.isLegacy();
  }

  // --- session -------------------------------------------------------------------------------

  private void capabilities() throws IOException {
    if (legacy()) {
      reply(500, "what?");
      return;
    }
    List<String> caps = new ArrayList<>(List.of("VERSION 2", "IMPLEMENTATION netkit-testkit NNTP mock"));
    caps.add(reader ? "READER" : "MODE-READER");
    if (reader) {
      caps.addAll(List.of("OVER MSGID", "HDR", "NEWNEWS", "LIST ACTIVE NEWSGROUPS OVERVIEW.FMT HEADERS"));
      if (server.allowsPosting()) {
        caps.add("POST");
      }
    } else {
      caps.add("LIST ACTIVE NEWSGROUPS");
    }
    caps.add("IHAVE");
    if (server.starttlsContext() != null && !tls && !authentication.authenticated()) {
      caps.add("STARTTLS");
    }
    if (server.accountSetting().isPresent() && !authentication.authenticated() && (tls || !server.requiresTlsForAuth())) {
      caps.add(server.offersUserPass() ? "AUTHINFO USER SASL" : "AUTHINFO SASL");
      caps.add("SASL PLAIN");
    }
    reply(101, "capability list follows");
    block(caps);
  }

  private void modeReader(String[] w) throws IOException {
    if (w.length < 2 || !w[1].equalsIgnoreCase("READER")) {
      reply(501, "MODE READER is the only mode");
      return;
    }
    reader = true;
    reply(server.allowsPosting() ? 200 : 201, "reader mode");
  }

  private void startTls() throws IOException {
    if (server.starttlsContext() == null || legacy()) {
      reply(500, "no STARTTLS here");
      return;
    }
    if (tls) {
      reply(502, "TLS is already on");
      return;
    }
    reply(382, "begin TLS negotiation");
    replies.flush();
    connection.tcp().startTlsAsServer(server.starttlsContext());
    // The fault-applying stream wraps the plaintext output: after the upgrade, write through TLS.
    replies.switchTo(connection.tcp().output());
    tls = true;
  }

  private void authinfo(String[] w) throws IOException {
    authentication.authinfo(w, tls, legacy());
  }

  // --- lists ---------------------------------------------------------------------------------

  private void list(String[] w) throws IOException {
    String keyword = w.length > 1 ? w[1].toUpperCase(Locale.ROOT) : "ACTIVE";
    String wildmat = w.length > 2 ? w[2] : null;
    switch (keyword) {
      case "ACTIVE" -> {
        reply(215, "list of newsgroups follows");
        List<String> lines = new ArrayList<>();
        for (NewsSpool.GroupInfo g : spool.groups()) {
          if (Wildmat.matches(wildmat, g.name())) {
            lines.add(g.name() + " " + g.high() + " " + g.low() + " " + status(g));
          }
        }
        block(lines);
      }
      case "NEWSGROUPS" -> {
        reply(215, "descriptions follow");
        block(spool.groups().stream().filter(g -> Wildmat.matches(wildmat, g.name()))
            .map(g -> g.name() + "\t" + g.description()).toList());
      }
      case "OVERVIEW.FMT" -> {
        if (!reader) {
          reply(502, "MODE READER first");
          return;
        }
        reply(215, "order of fields in overview database");
        block(OVERVIEW_FMT);
      }
      case "HEADERS" -> {
        reply(215, "headers supported");
        block(List.of(":", ":bytes", ":lines"));
      }
      default -> reply(501, "unknown LIST keyword");
    }
  }

  private String status(NewsSpool.GroupInfo g) {
    return server.allowsPosting() ? g.status() : "n";
  }

  private void group(String[] w) throws IOException {
    if (w.length < 2) {
      reply(501, "GROUP name");
      return;
    }
    Optional<NewsSpool.GroupInfo> info = spool.info(w[1]);
    if (info.isEmpty()) {
      reply(411, "no such newsgroup");
      return;
    }
    select(info.get());
    NewsSpool.GroupInfo g = info.get();
    reply(211, g.count() + " " + g.low() + " " + g.high() + " " + g.name());
  }

  private void select(NewsSpool.GroupInfo g) {
    group = g.name();
    current = g.count() == 0 ? -1 : g.low();
  }

  private void listGroup(String[] w) throws IOException {
    String name = w.length > 1 ? w[1] : group;
    if (name == null) {
      reply(412, "no newsgroup selected");
      return;
    }
    Optional<NewsSpool.GroupInfo> info = spool.info(name);
    if (info.isEmpty()) {
      reply(411, "no such newsgroup");
      return;
    }
    long[] range = w.length > 2 ? NntpOverviews.range(w[2]) : new long[] {0, -1};
    if (range == null) {
      reply(501, "bad range");
      return;
    }
    select(info.get());
    NewsSpool.GroupInfo g = info.get();
    reply(211, g.count() + " " + g.low() + " " + g.high() + " " + g.name() + " list follows");
    block(spool.numbers(name, range[0], range[1]).stream().map(String::valueOf).toList());
  }

  // --- articles ------------------------------------------------------------------------------

  /** Finds the article a command names, or answers the error and returns null. */
  private FoundArticle find(String[] w) throws IOException {
    if (w.length > 1 && w[1].startsWith("<")) {
      Optional<SpoolArticle> a = spool.article(w[1]);
      if (a.isEmpty()) {
        reply(430, "no such article");
        return null;
      }
      return new FoundArticle(0, a.get());
    }
    if (group == null) {
      reply(412, "no newsgroup selected");
      return null;
    }
    long number;
    if (w.length > 1) {
      try {
        number = Long.parseLong(w[1]);
      } catch (NumberFormatException e) {
        reply(501, "not a number or message-id");
        return null;
      }
    } else {
      if (current < 0) {
        reply(420, "no current article");
        return null;
      }
      number = current;
    }
    Optional<SpoolArticle> a = spool.article(group, number);
    if (a.isEmpty()) {
      reply(w.length > 1 ? 423 : 420, "no article with that number");
      return null;
    }
    current = number;
    return new FoundArticle(number, a.get());
  }

  private void article(String verb, String[] w) throws IOException {
    FoundArticle found = find(w);
    if (found == null) {
      return;
    }
    String pointer = found.number() + " " + found.article().messageId();
    switch (verb) {
      case "STAT" -> reply(223, pointer);
      case "HEAD" -> {
        reply(221, pointer + " head");
        stuffed(found.article().head());
      }
      case "BODY" -> {
        reply(222, pointer + " body");
        stuffed(found.article().body());
      }
      default -> {
        reply(220, pointer + " article");
        stuffed(found.article().content());
      }
    }
  }

  private void step(boolean forward) throws IOException {
    if (group == null) {
      reply(412, "no newsgroup selected");
      return;
    }
    if (current < 0) {
      reply(420, "no current article");
      return;
    }
    Optional<Long> next = spool.step(group, current, forward);
    if (next.isEmpty()) {
      reply(forward ? 421 : 422, forward ? "no next article" : "no previous article");
      return;
    }
    current = next.get();
    reply(223, current + " " + spool.article(group, current).orElseThrow().messageId());
  }

  private void over(String verb, String[] w) throws IOException {
    overviews.over(verb, w, group, current, legacy());
  }

  private void hdr(String verb, String[] w) throws IOException {
    overviews.hdr(verb, w, group, current, legacy());
  }

  private void newGroups(String[] w) throws IOException {
    Instant since = since(w, 1);
    if (since == null) {
      reply(501, "NEWGROUPS yyyymmdd hhmmss [GMT]");
      return;
    }
    reply(231, "list of new newsgroups follows");
    block(spool.groups().stream().filter(g -> !g.created().isBefore(since))
        .map(g -> g.name() + " " + g.high() + " " + g.low() + " " + status(g)).toList());
  }

  private void newNews(String[] w) throws IOException {
    Instant since = since(w, 2);
    if (since == null) {
      reply(501, "NEWNEWS wildmat yyyymmdd hhmmss [GMT]");
      return;
    }
    String wildmat = w[1];
    reply(230, "list of new articles follows");
    block(spool.newNews(name -> Wildmat.matches(wildmat, name), since));
  }

  private static Instant since(String[] w, int at) {
    if (w.length < at + 2) {
      return null;
    }
    try {
      String date = w[at].length() == 6 ? (Integer.parseInt(w[at].substring(0, 2)) < 70 ? "20" : "19") + w[at] : w[at];
      return LocalDateTime.parse(date + w[at + 1], STAMP).toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return null;
    }
  }

  // --- output --------------------------------------------------------------------------------

  private void reply(int code, String text) throws IOException {
    replies.reply(code, text);
  }

  private void block(List<String> lines) throws IOException {
    replies.block(lines);
  }

  private void stuffed(byte[] content) throws IOException {
    replies.stuffed(content);
  }
}
