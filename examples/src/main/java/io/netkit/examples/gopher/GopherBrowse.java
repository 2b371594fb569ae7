package io.netkit.examples.gopher;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.gopher.GopherClient;
import io.netkit.gopher.GopherItem;
import io.netkit.gopher.GopherMenu;
import java.io.IOException;
import java.time.Duration;

/**
 * Browses a Gopher server: prints a menu, then the first text item in it.
 *
 * <pre>
 * java -cp examples/target/netkit-examples.jar io.netkit.examples.gopher.GopherBrowse HOST [PORT [SELECTOR]]
 * </pre>
 *
 * The port defaults to 70 and the selector to the root menu ({@code ""}). Try it against the
 * testkit server ({@code ./netkit serve gopher --root DIR}) or the real-server harness's
 * gophernicus ({@code 127.0.0.1 17070}).
 */
public final class GopherBrowse {
  private GopherBrowse() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: GopherBrowse HOST [PORT [SELECTOR]]");
      System.exit(2);
    }
    int port;
    try {
      port = args.length > 1 ? Integer.parseInt(args[1]) : 70;
    } catch (NumberFormatException e) {
      System.err.println("GopherBrowse: the port must be a number: " + args[1]);
      System.exit(2);
      return;
    }
    String selector = args.length > 2 ? args[2] : "";
    NetOptions options =
        NetOptions.builder().connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(20)).build();
    try (GopherClient gopher = new GopherClient(options)) {
      gopher.connect(Endpoint.of(args[0], port));
      GopherMenu menu = gopher.menu(selector);
      for (GopherItem item : menu.items()) {
        System.out.println(item.isInfo() ? "   " + item.display() : item.type() + "  " + item.display() + "  " + item.selector());
      }
      GopherItem text = menu.links().stream().filter(i -> i.type() == '0').findFirst().orElse(null);
      if (text == null) {
        System.out.println("(no text item in this menu)");
        return;
      }
      System.out.println();
      System.out.println("--- " + text.display() + " (" + text.selector() + ") ---");
      if (!text.host().equals(args[0]) || text.port() != port) {
        System.out.println("(it lives on " + text.host() + ":" + text.port() + "; following it there)");
        try (GopherClient other = new GopherClient(options)) {
          other.connect(Endpoint.of(text.host(), text.port()));
          System.out.print(other.text(text.selector()));
        }
      } else {
        System.out.print(gopher.text(text.selector()));
      }
    } catch (IOException e) {
      // The message already says "gopher 127.0.0.1:70: ...": only the program's name goes first.
      System.err.println("GopherBrowse: " + e.getMessage());
      System.exit(1);
    }
  }
}
