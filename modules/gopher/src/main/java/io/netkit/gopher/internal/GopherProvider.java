package io.netkit.gopher.internal;

import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.gopher.GopherClient;
import io.netkit.gopher.GopherItem;
import io.netkit.gopher.GopherMenu;
import io.netkit.gopher.GopherRequest;
import io.netkit.gopher.GopherUrl;
import io.netkit.gopher.TextFraming;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Gopher for {@link io.netkit.core.Netkit} and the {@code netkit} command: {@code gopher://} and
 * {@code gophers://} URLs (RFC 4266, read as curl reads them). {@code fetch} renders menus and
 * search results as text ({@link MenuRenderer}), writes text items unstuffed with LF line ends and
 * every other type raw; {@code list} gives one entry per menu item. Stateless and thread-safe.
 */
public final class GopherProvider implements ClientProvider {
  @Override
  public Protocol protocol() {
    return Protocol.GOPHER;
  }

  @Override
  public NetClient<?, ?> newClient(NetOptions options) {
    return new GopherClient(options);
  }

  @Override
  public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
      throws IOException {
    GopherUrl target = GopherUrl.parse(url);
    try (GopherClient client = connect(target, options)) {
      if (target.kind().isMenu() || target.type() == '1') {
        GopherMenu menu = complete(menu(client, target), client);
        out.write(MenuRenderer.render(menu, client.endpoint()).getBytes(StandardCharsets.UTF_8));
      } else if (target.type() == '0') {
        refuseSearch(target);
        client.request(new GopherRequest.Text(target.selector(), out, TextFraming.DOT_TERMINATED, progress));
      } else {
        refuseSearch(target);
        client.request(new GopherRequest.Binary(target.selector(), out, -1, progress));
      }
    }
  }

  @Override
  public List<ListEntry> list(URI url, NetOptions options) throws IOException {
    GopherUrl target = GopherUrl.parse(url);
    if (!target.kind().isMenu()) {
      throw new IllegalArgumentException(
          "only menus (type 1) and searches (type 7) can be listed, not type '" + target.type() + "': " + url);
    }
    try (GopherClient client = connect(target, options)) {
      return complete(menu(client, target), client).items().stream().map(item -> entry(item, target.tls())).toList();
    }
  }

  private static GopherClient connect(GopherUrl target, NetOptions options) throws IOException {
    return ClientProvider.connected(new GopherClient(options), target.endpoint());
  }

  /**
   * A menu fetched or listed whole: RFC 1436 ends a menu with its {@code .} line, so one that the
   * server closed without it is cut short ({@link GopherMenu#terminated()} lets API callers take
   * it anyway). Text items, which many servers end by closing, are not held to this.
   */
  private static GopherMenu complete(GopherMenu menu, GopherClient client) throws IOException {
    if (!menu.terminated()) {
      throw new NetTruncatedException(io.netkit.core.ErrorContext.of("gopher", client.endpoint()),
          "the server closed the menu after " + menu.items().size() + " items, without its '.' line",
          -1, menu.items().size(), null);
    }
    return menu;
  }

  private static GopherMenu menu(GopherClient client, GopherUrl target) throws IOException {
    if (target.search() != null) {
      if (target.type() != '7') {
        throw new IllegalArgumentException("a search string is only meaningful for type 7 URLs");
      }
      return client.search(target.selector(), target.search());
    }
    return client.menu(target.selector());
  }

  private static void refuseSearch(GopherUrl target) {
    if (target.search() != null) {
      throw new IllegalArgumentException("a search string is only meaningful for type 7 URLs");
    }
  }

  private static ListEntry entry(GopherItem item, boolean tls) {
    // Port 0 is what servers put on items that cannot be fetched (as on info lines): no URL.
    URI url = item.isInfo() || item.type() == '3' || item.port() == 0 ? null : item.url(tls);
    return new ListEntry(item.kind().kind(), item.display(), -1, null, url);
  }
}
