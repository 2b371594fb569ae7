package io.netkit.testkit.nntp;

import io.netkit.core.Credentials;
import io.netkit.core.line.DotStuffingOutputStream;
import io.netkit.core.line.DotTerminatedInputStream;
import io.netkit.testkit.MockConnection;
import io.netkit.testkit.nntp.internal.SpoolArticle;
import io.netkit.testkit.nntp.internal.Wildmat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** One client's conversation with an {@link NntpMockServer}. Confined to its handler thread. */
final class NntpSession {
  private static final int MAX_ARTICLE = 16 * 1024 * 1024;
  private static final List<String> OVERVIEW_FMT =
      List.of("Subject:", "From:", "Date:", "Message-ID:", "References:", ":bytes", ":lines");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

  private final NntpMockServer server;
  private final MockConnection connection;
  private final NewsSpool spool;
  private OutputStream out;
  private boolean tls;
  private boolean reader;
  private boolean authenticated;
  private String pendingUser;
  private String group;
  private long current = -1;

  NntpSession(NntpMockServer server, MockConnection connection) {
    this.server = server;
    this.connection = connection;
    this.spool = server.spool();
    this.out = connection.output();
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
      case "POST" -> post();
      case "IHAVE" -> ihave(w);
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
    if (authenticated || server.accountSetting().isEmpty()) {
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
    if (server.starttlsContext() != null && !tls && !authenticated) {
      caps.add("STARTTLS");
    }
    if (server.accountSetting().isPresent() && !authenticated && (tls || !server.requiresTlsForAuth())) {
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
    out.flush();
    connection.tcp().startTlsAsServer(server.starttlsContext());
    // The fault-applying stream wraps the plaintext output: after the upgrade, write through TLS.
    out = connection.tcp().output();
    tls = true;
  }

  private void authinfo(String[] w) throws IOException {
    Optional<Credentials> account = server.accountSetting();
    if (account.isEmpty() || legacy() && w.length > 1 && w[1].equalsIgnoreCase("SASL")) {
      reply(502, "no authentication here");
      return;
    }
    if (server.requiresTlsForAuth() && !tls) {
      reply(483, "TLS required before AUTHINFO");
      return;
    }
    if (authenticated) {
      reply(502, "already authenticated");
      return;
    }
    String sub = w.length > 1 ? w[1].toUpperCase(Locale.ROOT) : "";
    switch (sub) {
      case "USER" -> {
        if (!server.offersUserPass()) {
          reply(502, "AUTHINFO USER not offered: use AUTHINFO SASL PLAIN");
          return;
        }
        pendingUser = w.length > 2 ? w[2] : "";
        reply(381, "password required");
      }
      case "PASS" -> {
        if (pendingUser == null) {
          reply(482, "AUTHINFO USER first");
          return;
        }
        String password = w.length > 2 ? String.join(" ", java.util.Arrays.copyOfRange(w, 2, w.length)) : "";
        login(pendingUser, password, account.get());
        pendingUser = null;
      }
      case "SASL" -> sasl(w, account.get());
      default -> reply(501, "AUTHINFO USER, PASS or SASL");
    }
  }

  private void sasl(String[] w, Credentials account) throws IOException {
    if (w.length < 3 || !w[2].equalsIgnoreCase("PLAIN")) {
      reply(503, "only SASL PLAIN");
      return;
    }
    String response = w.length > 3 ? w[3] : null;
    if (response == null) {
      reply(383, "");
      out.flush();
      response = connection.readLine();
      server.record(response == null ? "" : response);
      if (response == null || response.equals("*")) {
        reply(481, "cancelled");
        return;
      }
    }
    String[] parts;
    try {
      parts = new String(Base64.getDecoder().decode(response.strip()), StandardCharsets.UTF_8).split("\0", -1);
    } catch (IllegalArgumentException e) {
      reply(504, "bad base64");
      return;
    }
    if (parts.length != 3) {
      reply(482, "malformed PLAIN response");
      return;
    }
    login(parts[1], parts[2], account);
  }

  private void login(String user, String password, Credentials account) throws IOException {
    if (user.equals(account.user()) && password.equals(account.password())) {
      authenticated = true;
      reply(281, "authentication accepted");
    } else {
      reply(481, "authentication failed");
    }
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
    long[] range = w.length > 2 ? range(w[2]) : new long[] {0, -1};
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

  private record Found(long number, SpoolArticle article) {}

  /** Finds the article a command names, or answers the error and returns null. */
  private Found find(String[] w) throws IOException {
    if (w.length > 1 && w[1].startsWith("<")) {
      Optional<SpoolArticle> a = spool.article(w[1]);
      if (a.isEmpty()) {
        reply(430, "no such article");
        return null;
      }
      return new Found(0, a.get());
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
    return new Found(number, a.get());
  }

  private void article(String verb, String[] w) throws IOException {
    Found found = find(w);
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

  private List<Found> selection(String[] w, int at) throws IOException {
    if (w.length > at && w[at].startsWith("<")) {
      Optional<SpoolArticle> a = spool.article(w[at]);
      if (a.isEmpty()) {
        reply(430, "no such article");
        return null;
      }
      return List.of(new Found(0, a.get()));
    }
    if (group == null) {
      reply(412, "no newsgroup selected");
      return null;
    }
    if (w.length <= at) {
      if (current < 0) {
        reply(420, "no current article");
        return null;
      }
      return List.of(new Found(current, spool.article(group, current).orElseThrow()));
    }
    long[] range = range(w[at]);
    if (range == null) {
      reply(501, "bad range");
      return null;
    }
    List<Found> found = new ArrayList<>();
    for (long n : spool.numbers(group, range[0], range[1])) {
      found.add(new Found(n, spool.article(group, n).orElseThrow()));
    }
    if (found.isEmpty()) {
      reply(423, "no articles in that range");
      return null;
    }
    return found;
  }

  private void over(String verb, String[] w) throws IOException {
    if (verb.equals("OVER") && legacy()) {
      reply(500, "unknown command");
      return;
    }
    List<Found> found = selection(w, 1);
    if (found == null) {
      return;
    }
    reply(224, "overview information follows");
    List<String> lines = new ArrayList<>();
    for (Found f : found) {
      SpoolArticle a = f.article();
      lines.add(String.join("\t", String.valueOf(f.number()), tabless(a.header("subject")), tabless(a.header("from")),
          tabless(a.header("date")), a.messageId(), tabless(a.header("references")), String.valueOf(a.size()),
          String.valueOf(a.lines())));
    }
    block(lines);
  }

  private void hdr(String verb, String[] w) throws IOException {
    if (verb.equals("HDR") && legacy()) {
      reply(500, "unknown command");
      return;
    }
    if (w.length < 2) {
      reply(501, verb + " field [range|message-id]");
      return;
    }
    String field = w[1];
    List<Found> found = selection(w, 2);
    if (found == null) {
      return;
    }
    reply(verb.equals("HDR") ? 225 : 221, "headers follow");
    List<String> lines = new ArrayList<>();
    for (Found f : found) {
      SpoolArticle a = f.article();
      String value = switch (field.toLowerCase(Locale.ROOT)) {
        case ":bytes" -> String.valueOf(a.size());
        case ":lines" -> String.valueOf(a.lines());
        case "message-id" -> a.messageId();
        default -> a.header(field);
      };
      lines.add(f.number() + " " + tabless(value));
    }
    block(lines);
  }

  private static String tabless(String value) {
    return value.replace('\t', ' ');
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

  // --- posting -------------------------------------------------------------------------------

  private void post() throws IOException {
    if (!server.allowsPosting()) {
      reply(440, "posting not permitted");
      return;
    }
    String recommended = "<mock." + System.nanoTime() + "@netkit.mock>";
    reply(340, "send article; recommended message-ID " + recommended);
    byte[] article = receiveArticle();
    if (article == null) {
      reply(441, "article too large");
      return;
    }
    String problem = problem(article);
    if (problem != null) {
      reply(441, problem);
      return;
    }
    SpoolArticle parsed = SpoolArticle.of(article, "", Instant.now());
    if (parsed.messageId().isEmpty()) {
      article = prepend("Message-ID: " + recommended, article);
    }
    if (parsed.header("date").isEmpty()) {
      article = prepend("Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)), article);
    }
    List<String> to = spool.post(article, Instant.now());
    if (to.isEmpty()) {
      reply(441, "no such newsgroup or duplicate message-ID");
      return;
    }
    server.recordPost(article);
    reply(240, "article received ok");
  }

  private void ihave(String[] w) throws IOException {
    if (w.length < 2 || !w[1].startsWith("<")) {
      reply(501, "IHAVE message-id");
      return;
    }
    if (spool.article(w[1]).isPresent()) {
      reply(435, "duplicate");
      return;
    }
    reply(335, "send it");
    byte[] article = receiveArticle();
    if (article == null) {
      reply(437, "article too large");
      return;
    }
    if (SpoolArticle.of(article, "", Instant.now()).messageId().isEmpty()) {
      article = prepend("Message-ID: " + w[1], article);
    }
    if (spool.post(article, Instant.now()).isEmpty()) {
      reply(437, "no such newsgroup");
      return;
    }
    server.recordPost(article);
    reply(235, "article transferred ok");
  }

  private static String problem(byte[] article) {
    SpoolArticle a = SpoolArticle.of(article, "", Instant.now());
    for (String name : List.of("from", "newsgroups", "subject")) {
      if (a.header(name).isBlank()) {
        return "missing " + name + " header";
      }
    }
    if (!a.header("from").matches(".*@[^@\\s>]+\\.[^@\\s>]+.*")) {
      return "From: address not in Internet syntax";
    }
    return null;
  }

  private static byte[] prepend(String header, byte[] article) {
    byte[] head = (header + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] whole = new byte[head.length + article.length];
    System.arraycopy(head, 0, whole, 0, head.length);
    System.arraycopy(article, 0, whole, head.length, article.length);
    return whole;
  }

  /** The article the client sends, unstuffed, or null when it is over the limit (then drained). */
  private byte[] receiveArticle() throws IOException {
    out.flush();
    DotTerminatedInputStream in = new DotTerminatedInputStream(connection.input());
    ByteArrayOutputStream article = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    boolean tooLarge = false;
    while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
      if (article.size() + n > MAX_ARTICLE) {
        tooLarge = true;
      } else {
        article.write(buffer, 0, n);
      }
    }
    return tooLarge ? null : article.toByteArray();
  }

  // --- output --------------------------------------------------------------------------------

  private static long[] range(String text) {
    try {
      int dash = text.indexOf('-');
      if (dash < 0) {
        long n = Long.parseLong(text);
        return new long[] {n, n};
      }
      long low = Long.parseLong(text.substring(0, dash));
      String rest = text.substring(dash + 1);
      return new long[] {low, rest.isEmpty() ? -1 : Long.parseLong(rest)};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void reply(int code, String text) throws IOException {
    out.write((code + (text.isEmpty() ? "" : " " + text) + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void block(List<String> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line.startsWith(".") ? "." : "").append(line).append("\r\n");
    }
    text.append(".\r\n");
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void stuffed(byte[] content) throws IOException {
    DotStuffingOutputStream stuffed = new DotStuffingOutputStream(out);
    stuffed.write(content);
    stuffed.finish();
  }
}
