package io.netkit.cli.hostile;

import io.netkit.core.Protocol;

/** IMAP against hostile servers and hostile input. */
class ImapHostileTest extends HostileContract {
  @Override
  Protocol protocol() {
    return Protocol.IMAP;
  }

  @Override
  String path() {
    return "/INBOX/;UID=1";
  }

  @Override
  String greeting() {
    return "* OK hostile\r\n";
  }

  /** Untagged lines forever: the tagged answer the client waits for never comes. */
  @Override
  String floodLine() {
    return "* OK flood\r\n";
  }

  @Override
  String unparsable() {
    return "* HELLO there\r\n";
  }

  @Override
  String unsafePath(String smuggled) {
    return "/INBOX" + smuggled + "/;UID=1";
  }

  @Override
  Starttls starttls() {
    return new Starttls() {
      @Override
      public boolean isStarttls(String line) {
        return line.toUpperCase(java.util.Locale.ROOT).endsWith(" STARTTLS");
      }

      @Override
      public String goAhead(String line) {
        return tag(line) + " OK begin TLS\r\n";
      }

      @Override
      public String refusal(String line) {
        return tag(line) + " NO not now\r\n";
      }

      @Override
      public String answer(String line) {
        String caps = line.toUpperCase(java.util.Locale.ROOT).endsWith(" CAPABILITY")
            ? "* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\r\n" : "";
        return caps + tag(line) + " OK done\r\n";
      }

      private String tag(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
      }
    };
  }
}
