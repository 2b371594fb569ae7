package io.netkit.interop.ftp;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.TransferListener;
import io.netkit.ftp.FtpClient;
import io.netkit.interop.Digests.Sha256Sink;
import java.time.Duration;

/**
 * Run in a child JVM with a small heap by {@link SmallHeapRetrieveInteropTest}: retrieves one file
 * into a hashing sink and prints {@code bytes sha256 maxHeapBytes}.
 *
 * <p>Arguments: host port user password path. The password is passed on the command line of a
 * loopback test process only.
 */
public final class SmallHeapRetrieveChild {
  private SmallHeapRetrieveChild() {}

  public static void main(String[] args) throws Exception {
    NetOptions options = NetOptions.builder().readTimeout(Duration.ofSeconds(20)).build();
    Sha256Sink sink = new Sha256Sink();
    long bytes;
    try (FtpClient ftp = new FtpClient(options)) {
      ftp.connect(Endpoint.of(args[0], Integer.parseInt(args[1])).withCredentials(new Credentials(args[2], args[3])));
      bytes = ftp.retrieve(args[4], sink, 0, TransferListener.NONE);
    }
    System.out.println(bytes + " " + sink.hex() + " " + Runtime.getRuntime().maxMemory());
  }
}
