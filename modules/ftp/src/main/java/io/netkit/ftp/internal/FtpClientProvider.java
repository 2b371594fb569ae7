package io.netkit.ftp.internal;

import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.ftp.FtpClient;
import io.netkit.ftp.FtpEntry;
import io.netkit.ftp.FtpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ftp} and {@code ftps} URL schemes (ftps = implicit TLS on 990, as curl has it). A URL
 * whose path ends in {@code /} names a directory: fetch renders its listing as text, one entry a
 * line ({@code type permissions size modified name}); otherwise fetch retrieves the file, and
 * delete removes it (DELE). Stateless and thread-safe.
 */
public final class FtpClientProvider implements ClientProvider {
  @Override
  public Protocol protocol() {
    return Protocol.FTP;
  }

  @Override
  public NetClient<?, ?> newClient(NetOptions options) {
    return new FtpClient(options);
  }

  @Override
  public void fetch(URI url, NetOptions options, OutputStream out, TransferListener progress)
      throws IOException {
    String path = FtpUrls.path(url);
    try (FtpClient ftp = new FtpClient(options)) {
      ftp.connect(endpoint(url));
      if (FtpUrls.isDirectory(url)) {
        enter(ftp, path);
      }
      if (FtpUrls.namesOnly(url)) {
        for (String name : ftp.names("")) {
          out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
        }
      } else if (FtpUrls.isDirectory(url)) {
        for (FtpEntry entry : ftp.list("")) {
          out.write((line(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      } else {
        ftp.retrieve(path, out, 0, progress);
      }
    }
  }

  @Override
  public List<ListEntry> list(URI url, NetOptions options) throws IOException {
    String path = FtpUrls.path(url);
    try (FtpClient ftp = new FtpClient(options)) {
      ftp.connect(endpoint(url));
      enter(ftp, path);
      List<ListEntry> entries = new ArrayList<>();
      for (FtpEntry entry : ftp.list("")) {
        entries.add(
            new ListEntry(
                kind(entry),
                entry.name(),
                entry.size(),
                entry.modified(),
                FtpUrls.child(url, entry.name(), entry.isDirectory())));
      }
      return entries;
    }
  }

  @Override
  public void store(
      URI url, NetOptions options, InputStream in, long size, TransferListener progress)
      throws IOException {
    String path = FtpUrls.path(url);
    if (path.isEmpty() || FtpUrls.isDirectory(url)) {
      throw new IllegalArgumentException("an upload URL must name a file: " + url);
    }
    try (FtpClient ftp = new FtpClient(options)) {
      ftp.connect(endpoint(url));
      ftp.request(new FtpRequest.Store(path, in, false, size, progress));
    }
  }

  /** DELE of the file the URL names; a directory URL (ending in {@code /}) is refused. */
  @Override
  public void delete(URI url, NetOptions options) throws IOException {
    String path = FtpUrls.path(url);
    if (path.isEmpty() || FtpUrls.isDirectory(url)) {
      throw new IllegalArgumentException("a delete URL must name a file, not a directory: " + url);
    }
    try (FtpClient ftp = new FtpClient(options)) {
      ftp.connect(endpoint(url));
      ftp.delete(path);
    }
  }

  /**
   * Enters the directory before listing it, as curl does: servers answer LIST of a missing
   * directory with an empty listing and 226, while CWD says 550 (a missing container).
   */
  private static void enter(FtpClient ftp, String path) throws IOException {
    if (!path.isEmpty()) {
      ftp.changeDirectory(path);
    }
  }

  private static String kind(FtpEntry entry) {
    return switch (entry.type()) {
      case DIRECTORY -> "dir";
      case LINK -> "link";
      case FILE -> "file";
      case OTHER -> "other";
    };
  }

  private static String line(FtpEntry entry) {
    return String.join(
        " ",
        kind(entry),
        entry.permissions() == null ? "-" : entry.permissions(),
        entry.size() < 0 ? "-" : Long.toString(entry.size()),
        entry.modified() == null ? "-" : entry.modified().toString(),
        entry.name());
  }
}
