package io.netkit.interop.ftp;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.core.Trust;
import io.netkit.core.trace.TraceEvent;
import io.netkit.interop.RealServers;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** The FTP servers of scripts/servers.sh, as the FTP interop tests use them. */
final class FtpServers {
  final RealServers servers = RealServers.load();

  Credentials credentials() {
    return new Credentials(servers.require("FTP_USER"), servers.require("FTP_PASS"));
  }

  /** vsftpd: plain and explicit FTPS (AUTH TLS). */
  Endpoint vsftpd(String host) {
    servers.requireReachable("FTP_HOST", "FTP_PORT");
    return Endpoint.of(host, servers.port("FTP_PORT")).withCredentials(credentials());
  }

  Endpoint vsftpd() {
    return vsftpd(servers.require("FTP_HOST"));
  }

  /** The second vsftpd, implicit FTPS. */
  Endpoint implicit(String host) {
    servers.requireReachable("FTP_HOST", "FTPS_IMPLICIT_PORT");
    return Endpoint.of(host, servers.port("FTPS_IMPLICIT_PORT")).withCredentials(credentials());
  }

  /** pure-ftpd with MLSD, when the script could start it. */
  Endpoint mlsd() {
    servers.requireReachable("FTP_HOST", "FTP_MLSD_PORT");
    return Endpoint.of(servers.require("FTP_HOST"), servers.port("FTP_MLSD_PORT"))
        .withCredentials(credentials());
  }

  Trust scriptCa() throws IOException {
    return Trust.pemFile(servers.path("CA_PEM"));
  }

  static NetOptions.Builder options(List<TraceEvent> trace) {
    return NetOptions.builder()
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .trace(trace == null ? null : trace::add);
  }

  static String uniqueName(String suffix) {
    return "netkit-interop-" + UUID.randomUUID() + suffix;
  }

  /** {@code length} pseudo-random bytes from {@code seed}, generated as read: constant memory. */
  static InputStream generated(long length, long seed) {
    return new InputStream() {
      private final SplittableRandom random = new SplittableRandom(seed);
      private long left = length;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        for (int i = 0; i < n; i++) {
          b[off + i] = (byte) random.nextInt(256);
        }
        left -= n;
        return n;
      }
    };
  }
}
