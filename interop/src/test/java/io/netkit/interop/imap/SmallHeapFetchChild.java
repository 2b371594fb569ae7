package io.netkit.interop.imap;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.imap.ImapClient;
import io.netkit.interop.Digests.Sha256Sink;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM with a small heap by {@link SmallHeapFetchInteropTest}: fetches one message
 * over STARTTLS into a hashing sink and prints {@code bytes sha256 maxHeapBytes}.
 *
 * <p>Arguments: host port user password mailbox uid caPem. The password is passed on the command
 * line of a loopback test process only.
 */
public final class SmallHeapFetchChild {
  private SmallHeapFetchChild() {}

  public static void main(String[] args) throws Exception {
    NetOptions options = NetOptions.builder()
        .readTimeout(Duration.ofSeconds(30))
        .tlsMode(TlsMode.STARTTLS_REQUIRED)
        .trust(Trust.pemFile(Path.of(args[6])))
        .build();
    Sha256Sink sink = new Sha256Sink();
    long bytes;
    try (ImapClient imap = new ImapClient(options)) {
      imap.connect(Endpoint.of(args[0], Integer.parseInt(args[1]))
          .withCredentials(new Credentials(args[2], args[3])));
      bytes = imap.fetch(args[4], Long.parseLong(args[5]), sink);
    }
    System.out.println(bytes + " " + sink.hex() + " " + Runtime.getRuntime().maxMemory());
  }
}
