package io.netkit.interop.pop3;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.interop.Digests.Sha256Sink;
import io.netkit.pop3.MessageSize;
import io.netkit.pop3.Pop3Client;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Run in a child JVM with a small heap by {@link SmallHeapRetrieveInteropTest}: finds the message
 * of the given size, retrieves it over POP3 with STLS into a hashing sink and prints {@code bytes
 * sha256 maxHeapBytes}.
 *
 * <p>Arguments: host port user password caPem size. The password is passed on the command line
 * of a loopback test process only.
 */
public final class SmallHeapRetrieveChild {
  private SmallHeapRetrieveChild() {}

  public static void main(String[] args) throws Exception {
    NetOptions options = NetOptions.builder()
        .tlsMode(TlsMode.STARTTLS_REQUIRED)
        .trust(Trust.pemFile(Path.of(args[4])))
        .readTimeout(Duration.ofSeconds(30))
        .build();
    long size = Long.parseLong(args[5]);
    Sha256Sink sink = new Sha256Sink();
    long bytes;
    try (Pop3Client pop3 = new Pop3Client(options)) {
      pop3.connect(Endpoint.of(args[0], Integer.parseInt(args[1])).withCredentials(new Credentials(args[2], args[3])));
      int number = pop3.list().stream().filter(m -> m.octets() == size).mapToInt(MessageSize::number)
          .findFirst().orElseThrow(() -> new IllegalStateException("no message of " + size + " bytes"));
      bytes = pop3.retrieve(number, sink);
    }
    System.out.println(bytes + " " + sink.hex() + " " + Runtime.getRuntime().maxMemory());
  }
}
