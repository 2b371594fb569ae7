package io.netkit.testkit.ftp;

import io.netkit.core.Protocol;
import io.netkit.testkit.Fault;
import io.netkit.testkit.MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.fake.UserAccount;
import org.mockftpserver.fake.filesystem.AbstractFileSystemEntry;
import org.mockftpserver.fake.filesystem.DirectoryEntry;
import org.mockftpserver.fake.filesystem.FileEntry;
import org.mockftpserver.fake.filesystem.FileSystemEntry;
import org.mockftpserver.fake.filesystem.Permissions;
import org.mockftpserver.fake.filesystem.UnixFakeFileSystem;

/**
 * An in-process FTP server for tests: MockFtpServer's {@code FakeFtpServer} over a {@code
 * UnixFakeFileSystem} held in memory, on 127.0.0.1, in testkit's common shape. Set up users,
 * directories and files in code (or copy a directory from disk), start it, point a client at
 * {@link #endpoint()}, and read back what was uploaded with {@link #contents(String)}.
 *
 * <pre>{@code
 * try (FtpMockServer ftp = new FtpMockServer().user("bob", "secret", "/home/bob")
 *     .file("/home/bob/hello.txt", "hello")) {
 *   ftp.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Beyond MockFtpServer's own commands it answers MDTM, and its RETR honours REST (the stock
 * one sends the whole file whatever the offset). It has no FEAT, MLSD/MLST or AUTH TLS: test
 * those against a real server. LIST output is in Unix {@code ls -l} form and SYST says UNIX.
 *
 * <p>Faults: every {@link Fault} is produced. {@code DISCONNECT_AT_START} closes before the
 * greeting; {@code STALL} never greets; {@code GARBAGE_REPLY} and {@code OVERLONG_LINE} (a
 * greeting of {@link #overlongLineLength(int) 100,000} bytes) replace the greeting and close;
 * {@code DRIP} sends every control byte separately with {@link #dripDelay(Duration) a pause};
 * {@code DISCONNECT_MID_RESPONSE} makes RETR send half of the file, then close the data and the
 * control connection without a final reply. Faults apply to connections accepted (DRIP) or
 * commands handled (the others) after they are set.
 *
 * <p>Uploads stay in memory unless {@link #writeThrough(Path, String)} mirrors the tree to a
 * directory on disk; {@link #anonymousMayWrite(boolean)} makes anonymous sessions read-only.
 *
 * <p>Files stay in memory (uploads too): keep them small (a few MiB). Set-up methods may be called before or
 * after {@link #start}; the server is thread-safe as far as MockFtpServer is (its sessions each
 * run on their own thread, reading each command as it arrives: see {@code CommandReader}).
 */
public final class FtpMockServer implements MockServer {
  private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);
  private volatile Duration dripDelay = Duration.ofMillis(5);
  private volatile int overlongLineLength = 100_000;
  private final UnixFakeFileSystem files = new UnixFakeFileSystem();
  private final LoopbackFakeFtpServer server;
  private volatile boolean running;
  private volatile boolean anonymousMayWrite = true;
  private volatile Path diskRoot;
  private volatile String diskBase = "/";

  /** A server with an empty file system (just {@code /}) and no users. */
  public FtpMockServer() {
    files.setCreateParentDirectoriesAutomatically(true);
    files.add(new DirectoryEntry("/"));
    server = new LoopbackFakeFtpServer(fault::get, () -> dripDelay);
    server.setFileSystem(files);
    server.setSystemName("UNIX");
    server.setCommandHandler(
        CommandNames.CONNECT, new Handlers.Connect(fault::get, () -> overlongLineLength));
    server.setCommandHandler(CommandNames.REST, new Handlers.Rest());
    server.setCommandHandler(CommandNames.RETR, new Handlers.Retr(fault::get));
    server.setCommandHandler("MDTM", new Handlers.Mdtm());
    WriteCommands.Disk disk = this::diskPath;
    server.setCommandHandler(
        CommandNames.STOR, new WriteCommands.Store(false, () -> anonymousMayWrite, disk));
    server.setCommandHandler(
        CommandNames.APPE, new WriteCommands.Store(true, () -> anonymousMayWrite, disk));
    server.setCommandHandler(CommandNames.STOU, new WriteCommands.Refused(() -> anonymousMayWrite));
    for (String name :
        new String[] {CommandNames.MKD, CommandNames.DELE, CommandNames.RMD, CommandNames.RNTO}) {
      server.setCommandHandler(
          name,
          new WriteCommands.Mirrored(
              name, server.getCommandHandler(name), () -> anonymousMayWrite, disk));
    }
  }

  /** Adds an account whose home directory (created if missing) is where it logs in. */
  public FtpMockServer user(String name, String password, String home) {
    directory(home);
    server.addUserAccount(new UserAccount(name, password, home));
    return this;
  }

  /** Lets {@code anonymous} log in with any password (or none), starting in {@code home}. */
  public FtpMockServer anonymous(String home) {
    directory(home);
    UserAccount account = new UserAccount("anonymous", "", home);
    account.setPasswordRequiredForLogin(false);
    account.setPasswordCheckedDuringValidation(false);
    server.addUserAccount(account);
    return this;
  }

  /**
   * Whether {@code anonymous} may change the file system (upload, delete, make directories);
   * default true. When false, those commands get {@code 550 Permission denied} for anonymous
   * sessions, as on a public FTP server; other accounts are unaffected.
   */
  public FtpMockServer anonymousMayWrite(boolean allowed) {
    anonymousMayWrite = allowed;
    return this;
  }

  /**
   * Writes clients' changes below {@code remote} through to {@code directory} on disk: uploads
   * are stored there (before the {@code 226} reply: a completed upload is in the file), and MKD,
   * DELE, RMD and RNTO are repeated there. Combine with {@link #copyFrom(Path, String)} of the
   * same directory to serve a directory read-write. Paths cannot leave {@code directory}.
   */
  public FtpMockServer writeThrough(Path directory, String remote) {
    String base = remote.endsWith("/") ? remote : remote + "/";
    diskBase = base;
    diskRoot = directory.toAbsolutePath().normalize();
    return this;
  }

  /** The file on disk that mirrors {@code remote}, or null when not mirrored. */
  private Path diskPath(String remote) {
    Path root = diskRoot;
    if (root == null) {
      return null;
    }
    String base = diskBase;
    String normalized = remote.replace('\\', '/');
    if (!(normalized + "/").startsWith(base)) {
      return null;
    }
    String relative = normalized.length() <= base.length() ? "" : normalized.substring(base.length());
    Path file = root.resolve(relative).normalize();
    return file.startsWith(root) ? file : null;
  }

  /** Creates a directory (and its parents). */
  public FtpMockServer directory(String path) {
    if (!files.exists(path)) {
      files.add(new DirectoryEntry(path));
    }
    return this;
  }

  /** Creates or replaces a file (parents created as needed). */
  public FtpMockServer file(String path, byte[] contents) {
    if (files.exists(path)) {
      files.delete(path);
    }
    FileEntry entry = new FileEntry(path);
    entry.setContents(contents.clone());
    files.add(entry);
    return this;
  }

  /** Creates or replaces a text file, UTF-8 encoded. */
  public FtpMockServer file(String path, String text) {
    return file(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sets an entry's modification time (what LIST and MDTM report). */
  public FtpMockServer modified(String path, Instant time) {
    entry(path).setLastModified(Date.from(time));
    return this;
  }

  /** Sets an entry's permissions, e.g. {@code "rw-------"} (a user without read access gets 550). */
  public FtpMockServer permissions(String path, String rwx) {
    entry(path).setPermissions(new Permissions(rwx));
    return this;
  }

  /**
   * Copies the tree under {@code directory} on disk into {@code remote} (files are read into
   * memory). Uploads later go to memory only, unless {@link #writeThrough} says where on disk.
   *
   * @throws IOException when the directory cannot be read
   */
  public FtpMockServer copyFrom(Path directory, String remote) throws IOException {
    String base = remote.endsWith("/") ? remote.substring(0, remote.length() - 1) : remote;
    directory(base.isEmpty() ? "/" : base);
    try (Stream<Path> tree = Files.walk(directory)) {
      for (Path local : (Iterable<Path>) tree::iterator) {
        if (local.equals(directory)) {
          continue;
        }
        String path = base + "/" + directory.relativize(local).toString().replace('\\', '/');
        if (Files.isDirectory(local)) {
          directory(path);
        } else {
          file(path, Files.readAllBytes(local));
          modified(path, Files.getLastModifiedTime(local).toInstant());
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return this;
  }

  /** The contents of a file, if it exists (for checking uploads). */
  public Optional<byte[]> contents(String path) {
    FileSystemEntry entry = files.getEntry(path);
    if (!(entry instanceof FileEntry file)) {
      return Optional.empty();
    }
    try (InputStream in = file.createInputStream()) {
      return Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when a file or directory exists at {@code path}. */
  public boolean exists(String path) {
    return files.exists(path);
  }

  /**
   * Replaces the handler of one command, e.g. with MockFtpServer's {@code StaticReplyCommandHandler}
   * to make it answer {@code 550}, or a stub {@code RetrCommandHandler} ending with {@code 426}.
   */
  public FtpMockServer handler(String command, CommandHandler handler) {
    server.setCommandHandler(Objects.requireNonNull(command, "command"), handler);
    return this;
  }

  /** The pause after each byte under {@link Fault#DRIP}; default 5 ms. */
  public FtpMockServer dripDelay(Duration pause) {
    dripDelay = Objects.requireNonNull(pause, "pause");
    return this;
  }

  /** The length of the greeting under {@link Fault#OVERLONG_LINE}; default 100,000. */
  public FtpMockServer overlongLineLength(int length) {
    overlongLineLength = length;
    return this;
  }

  @Override
  public Protocol protocol() {
    return Protocol.FTP;
  }

  @Override
  public synchronized void start(int port) throws IOException {
    if (running) {
      throw new IllegalStateException("already started");
    }
    server.setServerControlPort(port);
    server.start();
    if (!server.isStarted()) {
      server.stop();
      IOException why = server.bindFailure();
      String reason = why == null || why.getMessage() == null ? "" : ": " + why.getMessage();
      throw new IOException("cannot listen on 127.0.0.1:" + port + reason, why);
    }
    running = true;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int port() {
    if (!running) {
      throw new IllegalStateException("not started");
    }
    return server.getServerControlPort();
  }

  @Override
  public void fault(Fault newFault) {
    fault.set(Objects.requireNonNull(newFault, "fault"));
  }

  @Override
  public synchronized void stop() {
    if (running) {
      running = false;
      server.stop();
    }
  }

  private AbstractFileSystemEntry entry(String path) {
    if (!(files.getEntry(path) instanceof AbstractFileSystemEntry entry)) {
      throw new IllegalArgumentException("no such entry: " + path);
    }
    return entry;
  }
}
