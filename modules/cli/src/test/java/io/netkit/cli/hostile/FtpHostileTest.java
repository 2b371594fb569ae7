package io.netkit.cli.hostile;

import io.netkit.core.Protocol;

/** FTP's control connection against hostile servers and hostile input. */
class FtpHostileTest extends HostileContract {
  @Override
  Protocol protocol() {
    return Protocol.FTP;
  }

  @Override
  String path() {
    return "/file.txt";
  }

  @Override
  String greeting() {
    return "220 hostile\r\n";
  }

  @Override
  String floodLine() {
    return "220-welcome, and welcome again\r\n";
  }

  @Override
  String unparsable() {
    return "abc hello\r\n";
  }

  @Override
  String okLine() {
    return "230 fine\r\n";
  }

  @Override
  Starttls starttls() {
    return new Starttls() {
      @Override
      public boolean isStarttls(String line) {
        return line.equalsIgnoreCase("AUTH TLS") || line.equalsIgnoreCase("AUTH SSL");
      }

      @Override
      public String goAhead(String line) {
        return "234 go ahead\r\n";
      }

      @Override
      public String refusal(String line) {
        return "534 not now\r\n";
      }

      @Override
      public String answer(String line) {
        return line.equalsIgnoreCase("FEAT") ? "211-features\r\n AUTH TLS\r\n211 end\r\n" : "200 ok\r\n";
      }
    };
  }
}
