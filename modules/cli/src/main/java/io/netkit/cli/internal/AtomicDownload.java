package io.netkit.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * A download into a file that appears under its name only when complete: bytes go to a hidden
 * {@code .name.*.part} file in the same directory (so the final rename stays on one file system
 * and is atomic), which {@link #commit()} renames over the target. Closing without committing
 * deletes the part file, and so does a shutdown hook if the process is stopped mid-transfer: a
 * failed download never leaves a file that looks complete. {@link #commit()} and {@link #close()}
 * are synchronized, because the command may abandon a download (at {@code --max-time}) from
 * another thread while it is still being written: whichever comes first wins, and a commit
 * after an abandon fails. Writing to {@link #stream()} is for one thread.
 *
 * <p>A target that exists and is not a regular file (a device such as {@code /dev/null}, a named
 * pipe) is written directly, as curl does: renaming over it would replace the device with a plain
 * file, so such a download cannot be undone when it fails.
 *
 * <p>The file's mode is what curl gives: a new file gets what the umask gives (the part file is
 * created like any new file, not with a temporary file's 0600), and a file that is replaced keeps
 * its permissions.
 */
public final class AtomicDownload implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path target;
  private final Path part; // null when writing directly into a device or pipe
  private final OutputStream out;
  private final Thread cleanup;
  private boolean finished;

  private AtomicDownload(Path target, Path part, OutputStream out) {
    this.target = target;
    this.part = part;
    this.out = out;
    this.cleanup = part == null ? null : new Thread(this::deletePart, "netkit-part-cleanup");
    if (cleanup != null) {
      Runtime.getRuntime().addShutdownHook(cleanup);
    }
  }

  /**
   * Starts a download to {@code target}. Fails before any network traffic when the directory is
   * not writable.
   *
   * @throws LocalFileException when the part file cannot be created
   */
  public static AtomicDownload to(Path target) throws LocalFileException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new LocalFileException("cannot write " + target + ": it is a directory", null);
    }
    try {
      if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
        FileChannel direct = FileChannel.open(absolute, StandardOpenOption.WRITE);
        return new AtomicDownload(target, null, new ChannelOutputStream(direct));
      }
      Path part = createPart(dir, absolute.getFileName().toString());
      FileChannel file = FileChannel.open(part, StandardOpenOption.WRITE);
      return new AtomicDownload(target, part, new ChannelOutputStream(file));
    } catch (IOException | SecurityException e) {
      throw new LocalFileException("cannot write " + target + ": " + describe(e, dir), e);
    }
  }

  /** A new, empty, hidden part file beside the target, with the mode a new file gets. */
  private static Path createPart(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String unique = Long.toUnsignedString(RANDOM.nextLong(), 36);
      Path part = dir.resolve("." + name + "." + unique + ".part");
      try {
        // Not Files.createTempFile: its 0600 would become the downloaded file's mode.
        Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return part;
      } catch (FileAlreadyExistsException taken) {
        if (attempt >= 10) {
          throw taken;
        }
      }
    }
  }

  /** Gives the part file the permissions of the file it replaces, if there is one (POSIX). */
  private void keepMode() throws IOException {
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(target);
      Files.setPosixFilePermissions(part, mode);
    } catch (NoSuchFileException | UnsupportedOperationException newFileOrNotPosix) {
      // A new file keeps the umask's mode; other file systems have no POSIX mode to keep.
    }
  }

  /** Where the bytes go until {@link #commit()}. */
  public OutputStream stream() {
    return out;
  }

  /**
   * Flushes and renames the part file to the target, replacing it.
   *
   * @throws LocalFileException when flushing or renaming fails, or the download was abandoned
   *     (the part file is then deleted)
   */
  public synchronized void commit() throws LocalFileException {
    if (finished) {
      throw new LocalFileException("cannot write " + target + ": the download was abandoned", null);
    }
    try {
      out.close();
      if (part == null) {
        finished = true;
        return;
      }
      keepMode();
      try {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
      finished = true;
    } catch (IOException e) {
      throw new LocalFileException(
          "cannot write " + target + ": " + describe(e, target.toAbsolutePath().getParent()), e);
    } finally {
      close();
    }
  }

  /** Abandons the download unless committed: deletes the part file. Idempotent. */
  @Override
  public synchronized void close() {
    if (!finished) {
      finished = true;
      try {
        out.close();
      } catch (IOException ignored) {
        // The file is being thrown away; a failed close changes nothing.
      }
      deletePart();
    }
    try {
      if (cleanup != null) {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      }
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it deletes the part file itself.
    }
  }

  private void deletePart() {
    if (part == null) {
      return; // a device or pipe is never deleted
    }
    try {
      Files.deleteIfExists(part);
    } catch (IOException ignored) {
      // Best effort: the name ends in .part, so a leftover does not look complete.
    }
  }

  private static String describe(Exception e, Path dir) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      // /proc exists but takes no new files: "no such directory" would send the user astray.
      return Files.isDirectory(dir) ? "cannot create a file in " + dir : "no such directory";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getMessage() == null ? "it cannot be written" : e.getMessage();
  }
}
