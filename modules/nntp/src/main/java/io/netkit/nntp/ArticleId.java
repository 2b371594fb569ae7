package io.netkit.nntp;

import io.netkit.nntp.internal.Arguments;

/**
 * Which article a request names: a number in the selected group, a message-id (in angle brackets,
 * valid on the whole server), or the group's current article. Immutable.
 *
 * <p>Message-ids are checked when made: CR, LF and NUL are refused with {@link
 * io.netkit.core.UnsafeArgumentException}, and spaces, control characters, a missing {@code @} form
 * of brackets or more than 250 bytes with {@link IllegalArgumentException}. A message-id given
 * without its angle brackets ({@code abc@example.com}, as {@code news:} URLs write it) gets them.
 *
 * @param number the article number, or -1 when the id is a message-id or the current article
 * @param messageId the message-id with its angle brackets, or null
 */
public record ArticleId(long number, String messageId) {
  private static final ArticleId CURRENT = new ArticleId(-1, null);

  /** Checks that at most one of the two is given. */
  public ArticleId {
    if (messageId != null) {
      messageId = Arguments.messageId(messageId);
      if (number != -1) {
        throw new IllegalArgumentException("an article id is a number or a message-id, not both");
      }
    } else if (number < -1) {
      throw new IllegalArgumentException("article numbers are not negative: " + number);
    }
  }

  /** Article {@code number} of the selected group. */
  public static ArticleId number(long number) {
    if (number < 0) {
      throw new IllegalArgumentException("article numbers are not negative: " + number);
    }
    return new ArticleId(number, null);
  }

  /** The article with this message-id ({@code <a@b>}; the brackets are added when missing). */
  public static ArticleId messageId(String messageId) {
    return new ArticleId(-1, messageId);
  }

  /** The selected group's current article (after GROUP, NEXT, LAST or a by-number request). */
  public static ArticleId current() {
    return CURRENT;
  }

  /** True for a message-id. */
  public boolean isMessageId() {
    return messageId != null;
  }

  /** True for "the current article". */
  public boolean isCurrent() {
    return messageId == null && number == -1;
  }

  /** What follows the command on the wire: the number, the message-id, or nothing. */
  public String argument() {
    if (messageId != null) {
      return messageId;
    }
    return number == -1 ? "" : Long.toString(number);
  }

  @Override
  public String toString() {
    return isCurrent() ? "current article" : argument();
  }
}
