package io.netkit.nntp;

import io.netkit.testkit.nntp.NewsSpool;

/** A small spool: netkit.test with three articles (a dot line, an encoded subject, a reply). */
final class TestNews {
  static final String FIRST =
      "From: Alice <alice@example.com>\r\nNewsgroups: netkit.test\r\nSubject: First post\r\n"
          + "Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nMessage-ID: <first@example.com>\r\n\r\n"
          + "Hello.\r\n.A line that starts with a dot\r\n..two dots\r\n.\r\nend\r\n";
  static final String SECOND =
      "From: Bob <bob@example.com>\r\nNewsgroups: netkit.test\r\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\r\n"
          + "Date: Tue, 01 Dec 2026 11:00:00 +0000\r\nMessage-ID: <second@example.com>\r\n\r\nGrüße\r\n";
  static final String THIRD =
      "From: Alice <alice@example.com>\r\nNewsgroups: netkit.test\r\nSubject: Re: First post\r\n"
          + "Date: Tue, 01 Dec 2026 12:00:00 +0000\r\nMessage-ID: <third@example.com>\r\n"
          + "References: <first@example.com>\r\n\r\nA reply.\r\n";

  private TestNews() {}

  static NewsSpool spool() {
    return new NewsSpool()
        .group("netkit.test", "netkit's test group")
        .group("netkit.empty", "nothing here")
        .group("other.group", "another", "n")
        .article("netkit.test", FIRST)
        .article("netkit.test", SECOND)
        .article("netkit.test", THIRD);
  }
}
