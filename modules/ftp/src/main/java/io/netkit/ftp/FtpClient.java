package io.netkit.ftp;

import io.netkit.core.Endpoint;
import io.netkit.core.NetClient;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.ftp.internal.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An FTP and FTPS client on Apache Commons Net, opening every socket through the netkit core, so
 * timeouts, TLS verification and tracing behave as in every other netkit module.
 *
 * <pre>{@code
 * try (FtpClient ftp = new FtpClient(NetOptions.defaults())) {
 *   ftp.connect(Endpoint.parse("ftp.example.org").withCredentials(new Credentials("me", "pw")));
 *   for (FtpEntry entry : ftp.list("pub")) { ... }
 *   ftp.retrieve("pub/file.tar.gz", Path.of("file.tar.gz"), TransferListener.NONE);
 * }
 * }</pre>
 *
 * <p>After {@link #connect} the session is logged in (as {@code anonymous} when the endpoint has
 * no credentials), in binary mode and in passive mode (EPSV, then PASV) unless {@link
 * FtpOptions#activeMode()} says otherwise. The port defaults to 21, or 990 with {@link
 * io.netkit.core.TlsMode#IMPLICIT}. TLS follows the options' mode: {@code STARTTLS_REQUIRED} sends
 * AUTH TLS and never continues in plain text; {@code STARTTLS_IF_OFFERED} continues in plain text
 * only if the server refuses AUTH TLS; with TLS, data connections are protected too (PBSZ 0, PROT
 * P). Certificates and host names are verified with the options' trust.
 *
 * <p>Failures: a refusal by the server is a {@link io.netkit.core.NetReplyException} carrying the
 * reply code and text, and the client stays connected; a 550 to retrieving, sizing or deleting a
 * file is a {@link io.netkit.core.NetNotFoundException} naming an {@code ITEM}, to listing or
 * entering a directory one naming a {@code CONTAINER} (RFC 959's 550 also covers "no access": the
 * server's text says which); a rejected login is a {@link
 * io.netkit.core.NetAuthenticationException}; a timeout or a broken connection fails the request
 * and closes the client. A download or listing cut short is a {@link
 * io.netkit.core.NetTruncatedException} (announced and received byte counts): a data connection
 * that closed before the file's size arrived (SIZE's count; once the server has announced sizes in
 * RETR's 150 reply, as vsftpd does, that count, and SIZE is no longer sent before downloads from
 * the start), a final 426/451 reply (the client stays connected in both
 * cases), or no final reply at all (the client is closed); so is a multi-line reply cut by a
 * close. A SIZE answer that is no usable number is ignored by downloads. A download that failed
 * is never reported as complete: what was written to the caller's stream so far stays there; a
 * download to a {@link Path} is written to {@code <file>.part} and renamed only when complete, so
 * a partial file never appears under the file's name (and {@link #resume} continues the part
 * file). A failed upload may leave a partial file on the server.
 *
 * <p>Not thread-safe: one client per thread. The password never appears in the trace ({@code PASS
 * ****}).
 */
public final class FtpClient implements NetClient<FtpRequest, FtpReply> {
  private final NetOptions options;
  private final FtpOptions ftpOptions;
  private Session session;

  /** A client with the given options and FTP defaults. */
  public FtpClient(NetOptions options) {
    this(options, FtpOptions.defaults());
  }

  /** A client with the given options. */
  public FtpClient(NetOptions options, FtpOptions ftpOptions) {
    this.options = Objects.requireNonNull(options, "options");
    this.ftpOptions = Objects.requireNonNull(ftpOptions, "ftpOptions");
  }

  @Override
  public Protocol protocol() {
    return Protocol.FTP;
  }

  @Override
  public void connect(Endpoint endpoint) throws IOException {
    Objects.requireNonNull(endpoint, "endpoint");
    if (session != null) {
      throw new IllegalStateException("already connected");
    }
    session = null;
    Session opened = Session.open(options, ftpOptions, endpoint);
    session = opened;
  }

  @Override
  public FtpReply request(FtpRequest request) throws IOException {
    Objects.requireNonNull(request, "request");
    Session s = requireSession();
    if (request instanceof FtpRequest.List r) {
      return s.list(r.path());
    } else if (request instanceof FtpRequest.NameList r) {
      return s.names(r.path());
    } else if (request instanceof FtpRequest.Retrieve r) {
      return s.retrieve(r.path(), r.target(), r.offset(), r.progress());
    } else if (request instanceof FtpRequest.Store r) {
      return s.store(r.path(), r.source(), r.append(), r.size(), r.progress());
    } else if (request instanceof FtpRequest.Delete r) {
      return s.delete(r.path());
    } else if (request instanceof FtpRequest.Rename r) {
      return s.rename(r.from(), r.to());
    } else if (request instanceof FtpRequest.MakeDirectory r) {
      return s.makeDirectory(r.path());
    } else if (request instanceof FtpRequest.RemoveDirectory r) {
      return s.removeDirectory(r.path());
    } else if (request instanceof FtpRequest.ChangeDirectory r) {
      return s.changeDirectory(r.path());
    } else if (request instanceof FtpRequest.PrintDirectory) {
      return s.printDirectory();
    } else if (request instanceof FtpRequest.Size r) {
      return s.size(r.path());
    } else if (request instanceof FtpRequest.ModificationTime r) {
      return s.modificationTime(r.path());
    } else if (request instanceof FtpRequest.Raw r) {
      return s.raw(r.command(), r.arguments());
    }
    throw new IllegalArgumentException("unknown request " + request); // unreachable: sealed
  }

  /** Lists a directory ({@code ""} = the working directory). */
  public List<FtpEntry> list(String path) throws IOException {
    return ((FtpReply.Listing) request(new FtpRequest.List(path))).entries();
  }

  /** The names in a directory (NLST; {@code ""} = the working directory). */
  public List<String> names(String path) throws IOException {
    return ((FtpReply.Names) request(new FtpRequest.NameList(path))).names();
  }

  /** Retrieves a whole file into {@code target} (not closed); returns the byte count. */
  public long retrieve(String path, OutputStream target) throws IOException {
    return retrieve(path, target, 0, TransferListener.NONE);
  }

  /** Retrieves a file from {@code offset} into {@code target} (not closed); returns the bytes moved. */
  public long retrieve(String path, OutputStream target, long offset, TransferListener progress)
      throws IOException {
    return transferred(request(new FtpRequest.Retrieve(path, target, offset, progress)));
  }

  /**
   * Retrieves a file into a local file, replacing it only once the whole file has arrived: the
   * bytes go to {@code <file>.part} beside it, renamed to {@code file} on success. On failure
   * {@code file} is untouched (an older copy stays as it was) and {@code <file>.part} keeps what
   * arrived, for {@link #resume}. Returns the byte count.
   */
  public long retrieve(String path, Path file, TransferListener progress) throws IOException {
    Path part = partFile(file);
    checkRetrieve(path, progress); // before the part file is created
    long bytes;
    try (OutputStream out = Files.newOutputStream(part)) {
      bytes = retrieve(path, out, 0, progress);
    }
    replace(part, file);
    return bytes;
  }

  /**
   * Continues an interrupted download, sending REST with the length already there: from {@code
   * <file>.part} when a failed {@link #retrieve(String, Path, TransferListener)} left one (renamed
   * to {@code file} once complete), otherwise by appending to {@code file} itself, which the
   * caller vouches is a partial copy. Returns the bytes moved by this call.
   */
  public long resume(String path, Path file, TransferListener progress) throws IOException {
    Path part = partFile(file);
    checkRetrieve(path, progress);
    boolean inPlace = !Files.exists(part) && Files.exists(file);
    Path target = inPlace ? file : part;
    long have = Files.exists(target) ? Files.size(target) : 0;
    long bytes;
    try (OutputStream out =
        Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      bytes = retrieve(path, out, have, progress);
    }
    if (!inPlace) {
      replace(part, file);
    }
    return bytes;
  }

  /** Stores {@code source} (read to its end, not closed) as {@code path}, replacing it. */
  public long store(String path, InputStream source) throws IOException {
    return transferred(request(FtpRequest.store(path, source)));
  }

  /** Stores a local file as {@code path}, replacing it. */
  public long store(String path, Path file, TransferListener progress) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return transferred(request(new FtpRequest.Store(path, in, false, Files.size(file), progress)));
    }
  }

  /** Appends {@code source} (read to its end, not closed) to {@code path} (APPE). */
  public long append(String path, InputStream source) throws IOException {
    return transferred(request(new FtpRequest.Store(path, source, true, -1, TransferListener.NONE)));
  }

  /** Deletes a file. */
  public void delete(String path) throws IOException {
    request(new FtpRequest.Delete(path));
  }

  /** Renames a file or directory. */
  public void rename(String from, String to) throws IOException {
    request(new FtpRequest.Rename(from, to));
  }

  /** Makes a directory. */
  public void makeDirectory(String path) throws IOException {
    request(new FtpRequest.MakeDirectory(path));
  }

  /** Removes an empty directory. */
  public void removeDirectory(String path) throws IOException {
    request(new FtpRequest.RemoveDirectory(path));
  }

  /** Changes the working directory. */
  public void changeDirectory(String path) throws IOException {
    request(new FtpRequest.ChangeDirectory(path));
  }

  /** The working directory. */
  public String printDirectory() throws IOException {
    return ((FtpReply.Directory) request(new FtpRequest.PrintDirectory())).path();
  }

  /** A file's size in bytes. */
  public long size(String path) throws IOException {
    return ((FtpReply.FileSize) request(new FtpRequest.Size(path))).size();
  }

  /** A file's modification time. */
  public Instant modificationTime(String path) throws IOException {
    return ((FtpReply.Modified) request(new FtpRequest.ModificationTime(path))).time();
  }

  /** Sends a control-connection command and returns the reply, whatever its code. */
  public FtpReply.Done raw(String command, String arguments) throws IOException {
    return (FtpReply.Done) request(new FtpRequest.Raw(command, arguments));
  }

  /** True when connected over a TLS-protected control connection. */
  public boolean isSecure() {
    return session != null && session.isConnected() && session.isSecure();
  }

  @Override
  public boolean isConnected() {
    return session != null && session.isConnected();
  }

  @Override
  public void close() {
    Session s = session;
    if (s != null) {
      s.close();
    }
  }

  private Session requireSession() {
    if (session == null || !session.isConnected()) {
      throw new IllegalStateException("not connected");
    }
    return session;
  }

  /** Where a download to {@code file} goes until it is complete. */
  private static Path partFile(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      throw new IllegalArgumentException("not a file name: " + file);
    }
    return file.resolveSibling(name + ".part");
  }

  /** Misuse (a bad path, no connection) fails before any local file is touched. */
  private void checkRetrieve(String path, TransferListener progress) {
    new FtpRequest.Retrieve(path, OutputStream.nullOutputStream(), 0, progress);
    requireSession();
  }

  /** Puts a completed download in place, atomically where the file system can. */
  private static void replace(Path part, Path file) throws IOException {
    try {
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static long transferred(FtpReply reply) {
    return ((FtpReply.Transferred) reply).bytes();
  }
}
