package io.netkit.cli.hostile;

import io.netkit.core.Protocol;

/** POP3 against hostile servers and hostile input. */
class Pop3HostileTest extends HostileContract {
  @Override
  Protocol protocol() {
    return Protocol.POP3;
  }

  @Override
  String path() {
    return "/1";
  }

  @Override
  String greeting() {
    return "+OK hostile\r\n";
  }

  /** Read as the answer to the client's first command, then as its lines: no "." ever comes. */
  @Override
  String floodLine() {
    return "+OK flood\r\n";
  }

  @Override
  String unparsable() {
    return "+YES hello\r\n";
  }

  @Override
  String okLine() {
    return "+OK\r\n";
  }

  @Override
  Starttls starttls() {
    return new Starttls() {
      @Override
      public boolean isStarttls(String line) {
        return line.equalsIgnoreCase("STLS");
      }

      @Override
      public String goAhead(String line) {
        return "+OK begin TLS\r\n";
      }

      @Override
      public String refusal(String line) {
        return "-ERR not now\r\n";
      }

      @Override
      public String answer(String line) {
        return line.equalsIgnoreCase("CAPA") ? "+OK\r\nSTLS\r\nUSER\r\nUIDL\r\n.\r\n" : "+OK\r\n";
      }
    };
  }
}
