package io.netkit.nntp;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link NntpClient} request returns: one value type per kind of answer. All immutable.
 * A refusal is never a reply: it is an exception (see {@link NntpClient}).
 */
public sealed interface NntpReply
    permits NntpCapabilities,
        NntpReply.Groups,
        NntpReply.Descriptions,
        NntpReply.OverviewFormat,
        NntpReply.GroupSelected,
        NntpReply.ArticleNumbers,
        NntpReply.ArticleTransfer,
        NntpReply.ArticlePointer,
        NntpReply.Overviews,
        NntpReply.HeaderValues,
        NntpReply.MessageIds,
        NntpReply.Posted,
        NntpReply.ServerDate {

  /**
   * Groups from LIST ACTIVE or NEWGROUPS.
   *
   * @param groups the groups, in the server's order (empty when they went to a consumer)
   * @param count how many the server listed
   */
  record Groups(List<NewsGroup> groups, long count) implements NntpReply {
    public Groups {
      groups = List.copyOf(groups);
    }
  }

  /**
   * Group descriptions from LIST NEWSGROUPS.
   *
   * @param descriptions description by group name, in the server's order
   */
  record Descriptions(Map<String, String> descriptions) implements NntpReply {
    public Descriptions {
      descriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
    }
  }

  /**
   * The server's overview format (LIST OVERVIEW.FMT): the fields after the article number, in
   * order, as the server names them ({@code Subject:}, {@code :bytes}, {@code Xref:full}).
   */
  record OverviewFormat(List<String> fields) implements NntpReply {
    /** RFC 3977 8.4's mandatory fields, used when a server cannot say. */
    public static final OverviewFormat DEFAULT =
        new OverviewFormat(
            List.of("Subject:", "From:", "Date:", "Message-ID:", "References:", ":bytes", ":lines"));

    public OverviewFormat {
      fields = List.copyOf(fields);
    }
  }

  /**
   * The group GROUP (or LISTGROUP) selected, as the server reports it.
   *
   * @param name the group's name
   * @param count the estimated number of articles
   * @param low the lowest article number
   * @param high the highest article number
   */
  record GroupSelected(String name, long count, long low, long high) implements NntpReply {
    public GroupSelected {
      Objects.requireNonNull(name, "name");
    }
  }

  /** The article numbers LISTGROUP gave, and the group it selected. */
  record ArticleNumbers(GroupSelected group, List<Long> numbers) implements NntpReply {
    public ArticleNumbers {
      Objects.requireNonNull(group, "group");
      numbers = List.copyOf(numbers);
    }
  }

  /**
   * An article, its head or its body, streamed to the request's sink.
   *
   * @param number the article number (0 when asked by message-id and the server gave none)
   * @param messageId the message-id the server reported
   * @param bytes how many bytes went to the sink (dot-unstuffed, line ends as received)
   */
  record ArticleTransfer(long number, String messageId, long bytes) implements NntpReply {}

  /**
   * Where STAT, NEXT or LAST point: the article's number and message-id.
   *
   * @param number the article number (0 when asked by message-id)
   * @param messageId the message-id
   */
  record ArticlePointer(long number, String messageId) implements NntpReply {}

  /**
   * Overview lines from OVER or XOVER.
   *
   * @param overviews the lines (empty when they went to a consumer)
   * @param count how many the server sent
   */
  record Overviews(List<Overview> overviews, long count) implements NntpReply {
    public Overviews {
      overviews = List.copyOf(overviews);
    }
  }

  /** One header value from HDR or XHDR: the article number (0 by message-id) and the value. */
  record HeaderValue(long number, String value) {}

  /** Header values from HDR or XHDR, for the field asked. */
  record HeaderValues(String field, List<HeaderValue> values) implements NntpReply {
    public HeaderValues {
      values = List.copyOf(values);
    }
  }

  /** Message-ids from NEWNEWS, with their angle brackets. */
  record MessageIds(List<String> messageIds) implements NntpReply {
    public MessageIds {
      messageIds = List.copyOf(messageIds);
    }
  }

  /**
   * The server accepted an article (POST 240, IHAVE 235).
   *
   * @param messageId the article's message-id when known (its own header, or the one the server
   *     recommended and the client added), otherwise null
   * @param code the server's code
   * @param text the server's text
   */
  record Posted(String messageId, int code, String text) implements NntpReply {}

  /** The server's clock (DATE), in UTC. */
  record ServerDate(Instant time) implements NntpReply {}
}
