package io.netkit.testkit.gopher;

import io.netkit.core.Protocol;
import io.netkit.core.line.DotStuffingOutputStream;
import io.netkit.testkit.AbstractMockServer;
import io.netkit.testkit.MockConnection;
import io.netkit.testkit.gopher.internal.DirectorySource;
import io.netkit.testkit.gopher.internal.GopherSource;
import io.netkit.testkit.gopher.internal.MenuWriter;
import io.netkit.testkit.gopher.internal.Resource;
import io.netkit.testkit.gopher.internal.TreeSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real Gopher server (RFC 1436) for tests and manual trials, serving a {@link GopherTree} held in
 * memory or a directory on disk: it reads one selector line (a tab and a query for searches),
 * answers, and closes, as Gopher servers do. Menus end with {@code .}; text items go out with CRLF
 * line ends, dot-stuffed, with the {@code .} terminator; binary items go out as they are and the
 * close marks their end. An unknown selector gets the conventional one-line error menu (type
 * {@code 3}). With {@link #tls} it serves {@code gophers} (implicit TLS).
 *
 * <p>curl reads it: {@code curl gopher://127.0.0.1:<port>/0/hello.txt}. All {@link
 * io.netkit.testkit.Fault}s are supported (see {@link AbstractMockServer}). Thread-safe.
 */
public final class GopherMockServer extends AbstractMockServer {
  private final GopherSource source;
  private final AtomicReference<String> lastRequest = new AtomicReference<>();

  private GopherMockServer(GopherSource source) {
    super(Protocol.GOPHER, "gopher-mock");
    this.source = source;
  }

  /** A server for an in-memory tree. */
  public static GopherMockServer of(GopherTree tree) {
    return new GopherMockServer(new TreeSource(tree.resources()));
  }

  /**
   * A server for the directory {@code root}: directories are menus (their {@code gophermap}, or a
   * generated listing), files are text or binary items by extension, and {@code /.search}
   * searches file names.
   *
   * @throws IOException when {@code root} is not a readable directory
   */
  public static GopherMockServer serving(Path root) throws IOException {
    return new GopherMockServer(new DirectorySource(root));
  }

  /** The last request line received (selector, and tab and query for a search), or null. */
  public String lastRequest() {
    return lastRequest.get();
  }

  @Override
  protected void serve(MockConnection connection) throws IOException {
    String request = connection.readLine();
    if (request == null) {
      return;
    }
    lastRequest.set(request);
    int tab = request.indexOf('\t');
    String selector = tab < 0 ? request : request.substring(0, tab);
    String query = tab < 0 ? "" : request.substring(tab + 1);
    int extra = query.indexOf('\t');
    if (extra >= 0) {
      query = query.substring(0, extra); // a Gopher+ field after the query: not served
    }
    OutputStream out = connection.output();
    MenuWriter menus = new MenuWriter(host(), port());
    Optional<Resource> found = source.find(selector);
    if (found.isEmpty()) {
      menus.error("'" + selector + "' does not exist", out);
      return;
    }
    Resource resource = found.get();
    if (resource instanceof Resource.Menu menu) {
      menus.write(menu.lines(), out);
    } else if (resource instanceof Resource.Search search) {
      menus.write(search.handler().apply(query), out);
    } else if (resource instanceof Resource.Text text) {
      DotStuffingOutputStream stuffed = new DotStuffingOutputStream(out);
      try (InputStream in = text.content().open()) {
        in.transferTo(stuffed);
      }
      stuffed.finish();
    } else if (resource instanceof Resource.Binary binary) {
      try (InputStream in = binary.content().open()) {
        in.transferTo(out);
      }
    }
  }
}
