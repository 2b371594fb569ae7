package io.netkit.gopher;

import io.netkit.core.TransferListener;
import io.netkit.core.UnsafeArgumentException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * What a {@link GopherClient} can ask for: a menu, a text item, a binary item, or a search. Values
 * are immutable (the sink of a transfer is shared, not copied). Every selector and query is checked
 * when the request is made, before anything connects: CR, LF and NUL are refused with {@link
 * UnsafeArgumentException} (they would end the request line early and smuggle a second one), and a
 * tab with {@link IllegalArgumentException} (it would split the selector into fields).
 */
public sealed interface GopherRequest {
  /** The selector sent to the server. */
  String selector();

  /** The menu at {@code selector} ({@code ""} for the server's root menu). */
  static Menu menu(String selector) {
    return new Menu(selector);
  }

  /** The text item at {@code selector}, read as RFC 1436 says, into {@code sink}. */
  static Text text(String selector, OutputStream sink) {
    return new Text(selector, sink, TextFraming.DOT_TERMINATED, TransferListener.NONE);
  }

  /** The binary item at {@code selector}, streamed into {@code sink} until the server closes. */
  static Binary binary(String selector, OutputStream sink) {
    return new Binary(selector, sink, -1, TransferListener.NONE);
  }

  /** The results of searching {@code query} at the search item {@code selector}. */
  static Search search(String selector, String query) {
    return new Search(selector, query);
  }

  /** Asks for a menu. */
  record Menu(String selector) implements GopherRequest {
    public Menu {
      checkSelector(selector);
    }
  }

  /**
   * Asks for a text item, written to {@code sink} with LF line ends (the CRLF of the wire removed);
   * the sink is neither flushed nor closed.
   */
  record Text(String selector, OutputStream sink, TextFraming framing, TransferListener progress)
      implements GopherRequest {
    public Text {
      checkSelector(selector);
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(framing, "framing");
      Objects.requireNonNull(progress, "progress");
    }
  }

  /**
   * Asks for a binary item, streamed to {@code sink} as received; the sink is neither flushed nor
   * closed.
   *
   * @param expectedLength the item's length when the caller knows it (then a shorter or longer
   *     item is an error and a complete one is {@link GopherTransfer.End#EXPECTED_LENGTH
   *     verified}), or -1
   */
  record Binary(String selector, OutputStream sink, long expectedLength, TransferListener progress)
      implements GopherRequest {
    public Binary {
      checkSelector(selector);
      Objects.requireNonNull(sink, "sink");
      Objects.requireNonNull(progress, "progress");
      if (expectedLength < -1) {
        throw new IllegalArgumentException("expectedLength must be -1 (unknown) or a length");
      }
    }
  }

  /** Asks a search item (type 7): the selector, a tab, the query. */
  record Search(String selector, String query) implements GopherRequest {
    public Search {
      checkSelector(selector);
      Objects.requireNonNull(query, "query");
      UnsafeArgumentException.requireSafe("query", query);
      if (query.indexOf('\t') >= 0) {
        throw new IllegalArgumentException("query contains a tab (Gopher+ fields are not supported)");
      }
    }
  }

  private static void checkSelector(String selector) {
    Objects.requireNonNull(selector, "selector");
    UnsafeArgumentException.requireSafe("selector", selector);
    if (selector.indexOf('\t') >= 0) {
      throw new IllegalArgumentException("selector contains a tab, which RFC 1436 forbids");
    }
  }
}
