package io.netkit.nntp;

import io.netkit.core.TransferListener;
import io.netkit.nntp.internal.Arguments;
import io.netkit.nntp.internal.Drafts;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an {@link NntpClient} can ask (RFC 3977, RFC 4643's AUTHINFO aside, which {@code connect}
 * does). Values are immutable (sinks, sources and consumers are shared, not copied). Every
 * argument is checked when the request is made, before anything is sent: CR, LF and NUL are
 * refused with {@link io.netkit.core.UnsafeArgumentException}, a space inside a group name,
 * wildmat or field name with {@link IllegalArgumentException}.
 */
public sealed interface NntpRequest {
  /** CAPABILITIES: what the server can do now. Replies {@link NntpCapabilities}. */
  record Capabilities() implements NntpRequest {}

  /**
   * LIST ACTIVE [wildmat]: the groups (all when {@code wildmat} is null). Replies {@link
   * NntpReply.Groups}. With a consumer, each group goes to it as it arrives (no limit on their
   * number) and the reply's list is empty; without one they are collected, within the client's
   * {@link NntpLimits}.
   */
  record ListActive(String wildmat, Consumer<NewsGroup> each) implements NntpRequest {
    public ListActive {
      if (wildmat != null) {
        Arguments.wildmat(wildmat);
      }
    }
  }

  /** LIST NEWSGROUPS [wildmat]: group descriptions. Replies {@link NntpReply.Descriptions}. */
  record ListNewsgroups(String wildmat) implements NntpRequest {
    public ListNewsgroups {
      if (wildmat != null) {
        Arguments.wildmat(wildmat);
      }
    }
  }

  /** LIST OVERVIEW.FMT: the overview's fields. Replies {@link NntpReply.OverviewFormat}. */
  record ListOverviewFormat() implements NntpRequest {}

  /** GROUP name: selects a group. Replies {@link NntpReply.GroupSelected}. */
  record Group(String name) implements NntpRequest {
    public Group {
      Arguments.group(name);
    }
  }

  /**
   * LISTGROUP [group [range]]: selects a group (the current one when {@code group} is null) and
   * lists its article numbers (all, or those in {@code range}). Replies {@link
   * NntpReply.ArticleNumbers}.
   */
  record ListGroup(String group, ArticleRange range) implements NntpRequest {
    public ListGroup {
      if (group != null) {
        Arguments.group(group);
      } else if (range != null) {
        throw new IllegalArgumentException("LISTGROUP takes a range only after a group name");
      }
    }
  }

  /** Which part of an article {@link Article} asks for. */
  enum Part {
    /** ARTICLE: head, blank line, body. */
    ARTICLE,
    /** HEAD: the header lines only. */
    HEAD,
    /** BODY: the body only. */
    BODY
  }

  /**
   * ARTICLE, HEAD or BODY: streams that part of an article into {@code sink}, dot-unstuffed, with
   * the CRLF line ends of the wire; the sink is neither flushed nor closed. Never held in memory.
   * Replies {@link NntpReply.ArticleTransfer}.
   */
  record Article(ArticleId id, Part part, OutputStream sink, TransferListener progress)
      implements NntpRequest {
    public Article {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(part, "part");
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(progress, "progress");
    }
  }

  /** STAT: whether an article exists, and its number and message-id. Replies {@link NntpReply.ArticlePointer}. */
  record Stat(ArticleId id) implements NntpRequest {
    public Stat {
      Objects.requireNonNull(id, "id");
    }
  }

  /** NEXT: moves to the next article of the group. Replies {@link NntpReply.ArticlePointer}. */
  record Next() implements NntpRequest {}

  /** LAST: moves to the previous article of the group. Replies {@link NntpReply.ArticlePointer}. */
  record Last() implements NntpRequest {}

  /**
   * OVER (XOVER on servers without OVER): overview lines for a range of the selected group, for
   * one message-id, or (both null) for the current article. Parsed in the server's OVERVIEW.FMT
   * order. Replies {@link NntpReply.Overviews}; with a consumer, lines stream to it unbounded in
   * number.
   */
  record Over(ArticleRange range, String messageId, Consumer<Overview> each) implements NntpRequest {
    public Over {
      if (range != null && messageId != null) {
        throw new IllegalArgumentException("OVER takes a range or a message-id, not both");
      }
      if (messageId != null) {
        messageId = Arguments.messageId(messageId);
      }
    }

    /** The overview of the selected group's articles in {@code range}. */
    public static Over range(ArticleRange range) {
      return new Over(Objects.requireNonNull(range, "range"), null, null);
    }

    /** The overview of the article with {@code messageId}. */
    public static Over messageId(String messageId) {
      return new Over(null, Objects.requireNonNull(messageId, "messageId"), null);
    }
  }

  /**
   * HDR (XHDR on servers without HDR): one header field (or metadata item such as {@code
   * :bytes}) for a range, a message-id or (both null) the current article. Replies {@link
   * NntpReply.HeaderValues}.
   */
  record Hdr(String field, ArticleRange range, String messageId) implements NntpRequest {
    public Hdr {
      Arguments.field(field);
      if (range != null && messageId != null) {
        throw new IllegalArgumentException("HDR takes a range or a message-id, not both");
      }
      if (messageId != null) {
        messageId = Arguments.messageId(messageId);
      }
    }
  }

  /** NEWGROUPS: groups created since {@code since}. Replies {@link NntpReply.Groups}. */
  record NewGroups(Instant since) implements NntpRequest {
    public NewGroups {
      Objects.requireNonNull(since, "since");
    }
  }

  /**
   * NEWNEWS wildmat: message-ids of articles that arrived since {@code since} in the groups the
   * wildmat matches ({@code *} for all). Replies {@link NntpReply.MessageIds}.
   */
  record NewNews(String wildmat, Instant since) implements NntpRequest {
    public NewNews {
      Arguments.wildmat(wildmat);
      Objects.requireNonNull(since, "since");
    }
  }

  /**
   * POST: sends an article, headers then a blank line then the body, read from {@code article}
   * (line ends LF or CRLF; the wire gets CRLF and dot-stuffing). The headers are read first
   * (at most 256 KiB) and checked before POST is sent: From, Newsgroups and Subject must be
   * present (Newsgroups is added as {@code newsgroupsIfMissing} when that is not null), and the
   * header section may hold no NUL and no bare CR. When the article has no Message-ID and the
   * server recommends one (RFC 3977's 340 reply), it is added. Replies {@link NntpReply.Posted}
   * (240); 440 and 441 are {@link io.netkit.core.NetReplyException}s with the server's reason.
   */
  record Post(InputStream article, String newsgroupsIfMissing) implements NntpRequest {
    public Post {
      Objects.requireNonNull(article, "article");
      if (newsgroupsIfMissing != null) {
        Arguments.wildmat(newsgroupsIfMissing);
      }
    }
  }

  /**
   * IHAVE: offers an article with {@code messageId} as a peer does (where the server allows it),
   * read from {@code article} as {@link Post} reads it. Replies {@link NntpReply.Posted} (235);
   * 435 (not wanted), 436 (try later) and 437 (rejected) are {@link
   * io.netkit.core.NetReplyException}s.
   */
  record IHave(String messageId, InputStream article) implements NntpRequest {
    public IHave {
      messageId = Arguments.messageId(messageId);
      Objects.requireNonNull(article, "article");
    }
  }

  /** DATE: the server's clock. Replies {@link NntpReply.ServerDate}. */
  record Date() implements NntpRequest {}

  /**
   * A POST of an article made from header fields and a body text. Header names must be tokens
   * and values may not hold CR, LF or NUL ({@link io.netkit.core.UnsafeArgumentException});
   * values with non-ASCII characters are sent as RFC 2047 encoded words (UTF-8), the body as
   * UTF-8.
   */
  static Post post(Map<String, String> headers, String body) {
    return new Post(Drafts.toStream(headers, body), null);
  }
}
