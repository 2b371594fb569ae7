package io.netkit.testkit.gopher.internal;

import java.util.Map;
import java.util.Optional;

/** Resources held in memory, by exact selector ({@code ""} and {@code "/"} both name the root). */
public final class TreeSource implements GopherSource {
  private final Map<String, Resource> resources;

  public TreeSource(Map<String, Resource> resources) {
    this.resources = Map.copyOf(resources);
  }

  @Override
  public Optional<Resource> find(String selector) {
    return Optional.ofNullable(resources.get(GopherSource.normalise(selector)));
  }
}
