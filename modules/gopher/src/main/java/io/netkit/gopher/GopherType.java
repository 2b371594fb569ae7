package io.netkit.gopher;

/**
 * The item types of RFC 1436 and the common extensions ({@code g I h i s d}). A type character
 * that is none of these is {@link #UNKNOWN}: such items are kept in menus, never dropped, and
 * their character is still available from {@link GopherItem#type()}.
 */
public enum GopherType {
  TEXT('0', "text"),
  MENU('1', "menu"),
  CSO('2', "cso"),
  ERROR('3', "error"),
  BINHEX('4', "binhex"),
  DOS_BINARY('5', "binary"),
  UUENCODED('6', "uuencoded"),
  SEARCH('7', "search"),
  TELNET('8', "telnet"),
  BINARY('9', "binary"),
  MIRROR('+', "mirror"),
  TN3270('T', "tn3270"),
  GIF('g', "image"),
  IMAGE('I', "image"),
  HTML('h', "html"),
  INFO('i', "info"),
  SOUND('s', "sound"),
  DOCUMENT('d', "document"),
  UNKNOWN('?', "unknown");

  private final char code;
  private final String kind;

  GopherType(char code, String kind) {
    this.code = code;
    this.kind = kind;
  }

  /** The type for a type character; {@link #UNKNOWN} when it is not a known one. */
  public static GopherType of(char code) {
    for (GopherType type : values()) {
      if (type.code == code && type != UNKNOWN) {
        return type;
      }
    }
    return UNKNOWN;
  }

  /** The type character ({@code '?'} for {@link #UNKNOWN}). */
  public char code() {
    return code;
  }

  /** A short lower-case word for listings: text, menu, binary, image, search, info, ... */
  public String kind() {
    return kind;
  }

  /** Menus and search results are menus on the wire: lines of items ending with {@code .}. */
  public boolean isMenu() {
    return this == MENU || this == SEARCH;
  }

  /**
   * Items whose content is binary and ends only when the server closes: 5, 9, g, I, s, d (and,
   * read the same way by netkit, every type that is neither text nor a menu).
   */
  public boolean isBinary() {
    return this == DOS_BINARY || this == BINARY || this == GIF || this == IMAGE
        || this == SOUND || this == DOCUMENT;
  }
}
