package io.netkit.cli.hostile;

import io.netkit.core.Protocol;

/** NNTP against hostile servers and hostile input. */
class NntpHostileTest extends HostileContract {
  @Override
  Protocol protocol() {
    return Protocol.NNTP;
  }

  @Override
  String path() {
    return "/local.test/1";
  }

  @Override
  String greeting() {
    return "200 hostile\r\n";
  }

  /** A multi-line answer's first line, then its lines forever: the "." never comes. */
  @Override
  String floodLine() {
    return "101 capability list follows\r\n";
  }

  @Override
  String unparsable() {
    return "2x0 hello\r\n";
  }

  @Override
  boolean login() {
    return false;
  }

  @Override
  String unsafePath(String smuggled) {
    return "/local.test" + smuggled + "/1";
  }

  @Override
  Starttls starttls() {
    return new Starttls() {
      @Override
      public boolean isStarttls(String line) {
        return line.equalsIgnoreCase("STARTTLS");
      }

      @Override
      public String goAhead(String line) {
        return "382 continue with TLS negotiation\r\n";
      }

      @Override
      public String refusal(String line) {
        return "580 cannot start TLS\r\n";
      }

      @Override
      public String answer(String line) {
        return line.equalsIgnoreCase("CAPABILITIES")
            ? "101 capability list\r\nVERSION 2\r\nREADER\r\nSTARTTLS\r\nAUTHINFO USER\r\n.\r\n"
            : "200 ok\r\n";
      }
    };
  }
}
