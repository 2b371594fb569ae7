package io.netkit.nntp;

/**
 * A range of article numbers as RFC 3977 writes it: {@code 5} (one article), {@code 5-} (5 and
 * every later one) or {@code 5-9} (5 to 9 inclusive). Immutable.
 *
 * @param low the first number, at least 0
 * @param high the last number, or -1 for "no upper end"; otherwise at least {@code low}
 */
public record ArticleRange(long low, long high) {
  /** Checks the bounds. */
  public ArticleRange {
    if (low < 0) {
      throw new IllegalArgumentException("article numbers are not negative: " + low);
    }
    if (high != -1 && high < low) {
      throw new IllegalArgumentException("range ends before it starts: " + low + "-" + high);
    }
  }

  /** Just article {@code number}. */
  public static ArticleRange of(long number) {
    return new ArticleRange(number, number);
  }

  /** Articles {@code low} to {@code high}, inclusive. */
  public static ArticleRange between(long low, long high) {
    return new ArticleRange(low, high);
  }

  /** Article {@code low} and every later one. */
  public static ArticleRange from(long low) {
    return new ArticleRange(low, -1);
  }

  /** True when the range has no upper end. */
  public boolean isOpen() {
    return high == -1;
  }

  /** True when {@code number} falls in the range. */
  public boolean contains(long number) {
    return number >= low && (high == -1 || number <= high);
  }

  /** The wire form: {@code 5}, {@code 5-} or {@code 5-9}. */
  @Override
  public String toString() {
    if (high == low) {
      return Long.toString(low);
    }
    return high == -1 ? low + "-" : low + "-" + high;
  }

  /**
   * Parses the wire form.
   *
   * @throws IllegalArgumentException when it is not {@code n}, {@code n-} or {@code n-m}
   */
  public static ArticleRange parse(String text) {
    try {
      int dash = text.indexOf('-');
      if (dash < 0) {
        return of(Long.parseLong(text.strip()));
      }
      long low = Long.parseLong(text.substring(0, dash).strip());
      String rest = text.substring(dash + 1).strip();
      return rest.isEmpty() ? from(low) : between(low, Long.parseLong(rest));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an article range: '" + text + "'", e);
    }
  }
}
