package io.netkit.testkit.nntp;

import io.netkit.testkit.nntp.internal.SpoolArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * OVER/XOVER and HDR/XHDR for one {@link NntpMockServer} session: the articles a range, a
 * message-id or the current article selects, as overview or header lines. Confined to its
 * session's thread.
 */
final class NntpOverviews {
  private final NewsSpool spool;
  private final NntpReplies replies;

  NntpOverviews(NewsSpool spool, NntpReplies replies) {
    this.spool = spool;
    this.replies = replies;
  }

  private List<FoundArticle> selection(String[] w, int at, String group, long current) throws IOException {
    if (w.length > at && w[at].startsWith("<")) {
      Optional<SpoolArticle> a = spool.article(w[at]);
      if (a.isEmpty()) {
        replies.reply(430, "no such article");
        return null;
      }
      return List.of(new FoundArticle(0, a.get()));
    }
    if (group == null) {
      replies.reply(412, "no newsgroup selected");
      return null;
    }
    if (w.length <= at) {
      if (current < 0) {
        replies.reply(420, "no current article");
        return null;
      }
      return List.of(new FoundArticle(current, spool.article(group, current).orElseThrow()));
    }
    long[] range = range(w[at]);
    if (range == null) {
      replies.reply(501, "bad range");
      return null;
    }
    List<FoundArticle> found = new ArrayList<>();
    for (long n : spool.numbers(group, range[0], range[1])) {
      found.add(new FoundArticle(n, spool.article(group, n).orElseThrow()));
    }
    if (found.isEmpty()) {
      replies.reply(423, "no articles in that range");
      return null;
    }
    return found;
  }

  /** OVER/XOVER in the session's {@code group} at {@code current}; OVER is unknown to a {@code legacy} server. */
  void over(String verb, String[] w, String group, long current, boolean legacy) throws IOException {
    if (verb.equals("OVER") && legacy) {
      replies.reply(500, "unknown command");
      return;
    }
    List<FoundArticle> found = selection(w, 1, group, current);
    if (found == null) {
      return;
    }
    replies.reply(224, "overview information follows");
    List<String> lines = new ArrayList<>();
    for (FoundArticle f : found) {
      SpoolArticle a = f.article();
      lines.add(String.join("\t", String.valueOf(f.number()), tabless(a.header("subject")), tabless(a.header("from")),
          tabless(a.header("date")), a.messageId(), tabless(a.header("references")), String.valueOf(a.size()),
          String.valueOf(a.lines())));
    }
    replies.block(lines);
  }

  /** HDR/XHDR in the session's {@code group} at {@code current}; HDR is unknown to a {@code legacy} server. */
  void hdr(String verb, String[] w, String group, long current, boolean legacy) throws IOException {
    if (verb.equals("HDR") && legacy) {
      replies.reply(500, "unknown command");
      return;
    }
    if (w.length < 2) {
      replies.reply(501, verb + " field [range|message-id]");
      return;
    }
    String field = w[1];
    List<FoundArticle> found = selection(w, 2, group, current);
    if (found == null) {
      return;
    }
    replies.reply(verb.equals("HDR") ? 225 : 221, "headers follow");
    List<String> lines = new ArrayList<>();
    for (FoundArticle f : found) {
      SpoolArticle a = f.article();
      String value = switch (field.toLowerCase(Locale.ROOT)) {
        case ":bytes" -> String.valueOf(a.size());
        case ":lines" -> String.valueOf(a.lines());
        case "message-id" -> a.messageId();
        default -> a.header(field);
      };
      lines.add(f.number() + " " + tabless(value));
    }
    replies.block(lines);
  }

  private static String tabless(String value) {
    return value.replace('\t', ' ');
  }

  /** {@code n}, {@code n-m} or {@code n-} as {low, high} (high -1: open), or null when malformed. */
  static long[] range(String text) {
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
}
