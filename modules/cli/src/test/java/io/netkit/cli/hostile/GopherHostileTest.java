package io.netkit.cli.hostile;

import io.netkit.core.Protocol;

/** Gopher menus against hostile servers and hostile input. */
class GopherHostileTest extends HostileContract {
  @Override
  Protocol protocol() {
    return Protocol.GOPHER;
  }

  /** A menu: text files are free content, a menu has lines to parse. */
  @Override
  String path() {
    return "/1/dir";
  }

  @Override
  String greeting() {
    return null;
  }

  /** Menu items forever: more than 100,000 are refused. */
  @Override
  String floodLine() {
    return "iflood\tfake\t(NULL)\t0\r\n";
  }

  @Override
  String unparsable() {
    return "1a directory\t/dir\t127.0.0.1\tnot-a-port\r\n.\r\n";
  }

  @Override
  String okLine() {
    return ".\r\n";
  }

  @Override
  boolean login() {
    return false;
  }

}
