package io.netkit.http;

import io.netkit.http.internal.HeaderChecks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP header fields in the order they were given, names matched case-insensitively. Names must
 * be tokens and values free of CR, LF and NUL: anything else is refused when the header is added,
 * before anything could be sent. Immutable and thread-safe.
 */
public final class HttpHeaders {
  /** No header fields. */
  public static final HttpHeaders EMPTY = new HttpHeaders(List.of());

  private final List<Map.Entry<String, String>> fields;

  private HttpHeaders(List<Map.Entry<String, String>> fields) {
    this.fields = List.copyOf(fields);
  }

  /** A builder with no fields. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Headers from alternating names and values: {@code of("Accept", "text/plain")}.
   *
   * @throws IllegalArgumentException for an odd count or a bad name or value
   */
  public static HttpHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must pair up");
    }
    Builder b = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      b.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return b.build();
  }

  /** A builder starting from these fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.fields.addAll(fields);
    return b;
  }

  /** The first value of {@code name}, if present. */
  public Optional<String> first(String name) {
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equalsIgnoreCase(name)) {
        return Optional.of(f.getValue());
      }
    }
    return Optional.empty();
  }

  /** Every value of {@code name}, in order. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (Map.Entry<String, String> f : fields) {
      if (f.getKey().equalsIgnoreCase(name)) {
        values.add(f.getValue());
      }
    }
    return Collections.unmodifiableList(values);
  }

  /** True when {@code name} is present. */
  public boolean contains(String name) {
    return first(name).isPresent();
  }

  /** The distinct names, lower-cased, in order of first appearance. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    fields.forEach(f -> names.add(f.getKey().toLowerCase(Locale.ROOT)));
    return Collections.unmodifiableSet(names);
  }

  /** Every field as a name-value pair, in order. */
  public List<Map.Entry<String, String>> fields() {
    return fields;
  }

  /** The number of fields. */
  public int size() {
    return fields.size();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HttpHeaders h && fields.equals(h.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  /** {@code Name: value} lines; values of credential headers are masked. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, String> f : fields) {
      String value = HeaderChecks.isSecret(f.getKey()) ? "****" : f.getValue();
      s.append(f.getKey()).append(": ").append(value).append('\n');
    }
    return s.toString();
  }

  /** Builds {@link HttpHeaders}. Not thread-safe. */
  public static final class Builder {
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a field.
     *
     * @throws IllegalArgumentException when the name is not a token or the value holds CR, LF or
     *     NUL ({@link io.netkit.core.UnsafeArgumentException})
     */
    public Builder add(String name, String value) {
      fields.add(Map.entry(HeaderChecks.name(name), HeaderChecks.value(name, value)));
      return this;
    }

    /** Parses and adds a {@code Name: value} line, as curl's {@code -H} takes it. */
    public Builder addLine(String line) {
      Objects.requireNonNull(line, "line");
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("a header must look like 'Name: value'");
      }
      return add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }

    /** Replaces every field of {@code name} with one. */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /** Removes every field of {@code name}. */
    public Builder remove(String name) {
      fields.removeIf(f -> f.getKey().equalsIgnoreCase(name));
      return this;
    }

    /** The headers. */
    public HttpHeaders build() {
      return new HttpHeaders(fields);
    }
  }
}
