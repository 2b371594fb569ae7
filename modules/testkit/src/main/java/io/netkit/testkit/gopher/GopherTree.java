package io.netkit.testkit.gopher;

import io.netkit.testkit.gopher.internal.GopherSource;
import io.netkit.testkit.gopher.internal.Resource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An in-memory Gopher tree for a {@link GopherMockServer}: menus, text items, binary items and
 * searches, each at a selector ({@code ""} and {@code "/"} both name the root menu). Build it with
 * {@link #builder()}; the result is immutable and thread-safe.
 *
 * <pre>{@code
 * GopherTree tree = GopherTree.builder()
 *     .menu("/", GopherLine.info("Welcome"), GopherLine.item('0', "Hello", "/hello.txt"))
 *     .text("/hello.txt", "Hello, world\n")
 *     .build();
 * }</pre>
 */
public final class GopherTree {
  private final Map<String, Resource> resources;

  private GopherTree(Map<String, Resource> resources) {
    this.resources = Map.copyOf(resources);
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  Map<String, Resource> resources() {
    return resources;
  }

  /** Collects the tree's items. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Resource> resources = new LinkedHashMap<>();

    private Builder() {}

    /** A menu at {@code selector}. */
    public Builder menu(String selector, GopherLine... lines) {
      return menu(selector, List.of(lines));
    }

    /** A menu at {@code selector}. */
    public Builder menu(String selector, List<GopherLine> lines) {
      return put(selector, new Resource.Menu(lines));
    }

    /** A text item: sent dot-stuffed with CRLF line ends and the {@code .} terminator. */
    public Builder text(String selector, String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return put(selector, new Resource.Text(() -> new ByteArrayInputStream(bytes)));
    }

    /** A binary item: sent as it is, then the server closes. */
    public Builder binary(String selector, byte[] content) {
      byte[] bytes = content.clone();
      return put(selector, new Resource.Binary(() -> new ByteArrayInputStream(bytes)));
    }

    /** A search (type 7) at {@code selector}: the handler turns a query into a menu. */
    public Builder search(String selector, Function<String, List<GopherLine>> handler) {
      return put(selector, new Resource.Search(Objects.requireNonNull(handler, "handler")));
    }

    private Builder put(String selector, Resource resource) {
      Objects.requireNonNull(selector, "selector");
      resources.put(GopherSource.normalise(selector), resource);
      return this;
    }

    /** The immutable tree. */
    public GopherTree build() {
      return new GopherTree(resources);
    }
  }
}
