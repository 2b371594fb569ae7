package io.netkit.cli.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A download into a file that appears under its name only when complete: bytes go to a hidden
 * {@code .name.*.part} file in the same directory (so the final rename stays on one file system
 * and is atomic), which {@link #commit()} renames over the target. Closing without committing
 * deletes the part file, and so does a shutdown hook if the process is stopped mid-transfer: a
 * failed download never leaves a file that looks complete. {@link #commit()} and {@link #close()}
 * are synchronized, because the command may abandon a download (at {@code --max-time}) from
 * another thread while it is still being written: whichever comes first wins, and a commit
 * after an abandon fails. Writing to {@link #stream()} is for one thread.
 */
public final class AtomicDownload implements AutoCloseable {
  private final Path target;
  private final Path part;
  private final OutputStream out;
  private final Thread cleanup;
  private boolean finished;

  private AtomicDownload(Path target, Path part, OutputStream out) {
    this.target = target;
    this.part = part;
    this.out = out;
    this.cleanup = new Thread(this::deletePart, "netkit-part-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
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
      Path part = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".part");
      return new AtomicDownload(
          target, part, new BufferedOutputStream(Files.newOutputStream(part), 64 * 1024));
    } catch (IOException | SecurityException e) {
      throw new LocalFileException("cannot write " + target + ": " + describe(e), e);
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
      try {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
      }
      finished = true;
    } catch (IOException e) {
      throw new LocalFileException("cannot write " + target + ": " + describe(e), e);
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
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it deletes the part file itself.
    }
  }

  private void deletePart() {
    try {
      Files.deleteIfExists(part);
    } catch (IOException ignored) {
      // Best effort: the name ends in .part, so a leftover does not look complete.
    }
  }

  private static String describe(Exception e) {
    return e instanceof java.nio.file.AccessDeniedException
        ? "permission denied"
        : e instanceof java.nio.file.NoSuchFileException
            ? "no such directory"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
