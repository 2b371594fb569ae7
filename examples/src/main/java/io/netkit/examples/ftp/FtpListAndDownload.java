package io.netkit.examples.ftp;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.TlsMode;
import io.netkit.core.Trust;
import io.netkit.ftp.FtpClient;
import io.netkit.ftp.FtpEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Lists an FTP directory and downloads one file, showing progress.
 *
 * <pre>
 * java -cp examples/target/netkit-examples.jar io.netkit.examples.ftp.FtpListAndDownload \
 *     HOST[:PORT] DIRECTORY [FILE [LOCAL]] [--user USER:PASSWORD] [--tls CA.pem]
 * </pre>
 *
 * <p>Without {@code --user} the login is anonymous. With {@code --tls} the session uses explicit
 * FTPS (AUTH TLS, required: never plain text) and trusts the CA certificates in the PEM file.
 */
public final class FtpListAndDownload {
  private FtpListAndDownload() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("FtpListAndDownload: " + e.getMessage());
      System.exit(2);
    } catch (IOException e) {
      // A refused login, a missing file, a server that is not there: one line, not a trace.
      System.err.println("FtpListAndDownload: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println(
          "usage: FtpListAndDownload HOST[:PORT] DIRECTORY [FILE [LOCAL]] [--user U:P] [--tls CA.pem]");
      System.exit(2);
    }
    Endpoint endpoint = Endpoint.parse(args[0]);
    NetOptions.Builder options = NetOptions.builder().connectTimeout(Duration.ofSeconds(10));
    String directory = args[1];
    String file = null;
    String local = null;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--user" -> endpoint = endpoint.withCredentials(Credentials.parse(args[++i]));
        case "--tls" ->
            options.tlsMode(TlsMode.STARTTLS_REQUIRED).trust(Trust.pemFile(Path.of(args[++i])));
        default -> {
          if (file == null) {
            file = args[i];
          } else {
            local = args[i];
          }
        }
      }
    }

    try (FtpClient ftp = new FtpClient(options.build())) {
      ftp.connect(endpoint);
      for (FtpEntry entry : ftp.list(directory)) {
        System.out.printf(
            "%-9s %-9s %12s %s%n",
            entry.type().name().toLowerCase(),
            entry.permissions() == null ? "" : entry.permissions(),
            entry.knownSize().isPresent() ? Long.toString(entry.size()) : "-",
            entry.name());
      }
      if (file != null) {
        String remote = directory.isEmpty() || directory.endsWith("/") ? directory + file : directory + "/" + file;
        Path target = Path.of(local != null ? local : file);
        long bytes =
            ftp.retrieve(
                remote,
                target,
                (done, total) ->
                    System.err.printf("\r%d of %s bytes", done, total < 0 ? "?" : Long.toString(total)));
        System.err.println();
        System.out.println("downloaded " + bytes + " bytes to " + target);
      }
    }
  }
}
