package io.netkit.testkit.ftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.mockftpserver.core.command.Command;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.command.ReplyCodes;
import org.mockftpserver.core.session.Session;
import org.mockftpserver.core.session.SessionKeys;
import org.mockftpserver.fake.ServerConfiguration;
import org.mockftpserver.fake.ServerConfigurationAware;
import org.mockftpserver.fake.command.AbstractFakeCommandHandler;
import org.mockftpserver.fake.filesystem.FileEntry;

/**
 * The commands that change the file system (STOR, APPE, STOU, MKD, DELE, RMD, RNTO), guarded and,
 * when the server writes through to a directory on disk, mirrored there: {@code netkit serve ftp
 * --root DIR} stores uploads in DIR, as a user expects of a server serving a directory.
 *
 * <p>Anonymous sessions get {@code 550} for every one of them unless the server allows anonymous
 * writes. Uploads are written to disk before the final reply (into a hidden part file renamed
 * over the target), so a {@code 226} means the file is in DIR; a disk failure is a {@code 451}.
 * The other commands run MockFtpServer's own handler on the in-memory file system and then
 * repeat what it did on disk. Paths map below the mirrored directory only.
 */
final class WriteCommands {
  static final String ANONYMOUS = "anonymous";

  private WriteCommands() {}

  /** Where the in-memory tree is mirrored on disk: a remote path to its file, or null. */
  interface Disk extends Function<String, Path> {}

  /** Refuses anonymous sessions when they may not write; shared by every write command. */
  abstract static class Guarded extends AbstractFakeCommandHandler {
    private final BooleanSupplier anonymousMayWrite;

    Guarded(BooleanSupplier anonymousMayWrite) {
      this.anonymousMayWrite = anonymousMayWrite;
    }

    @Override
    protected final void handle(Command command, Session session) {
      verifyLoggedIn(session);
      if (!anonymousMayWrite.getAsBoolean()
          && ANONYMOUS.equals(getUserAccount(session).getUsername())) {
        session.sendReply(
            ReplyCodes.READ_FILE_ERROR,
            "Permission denied: anonymous users may only read here");
        return;
      }
      guarded(command, session);
    }

    abstract void guarded(Command command, Session session);
  }

  /** STOR or APPE: the upload goes to disk (when mirrored) and to memory. */
  static final class Store extends Guarded {
    private final boolean append;
    private final Disk disk;

    Store(boolean append, BooleanSupplier anonymousMayWrite, Disk disk) {
      super(anonymousMayWrite);
      this.append = append;
      this.disk = disk;
    }

    @Override
    void guarded(Command command, Session session) {
      String path = getRealPath(session, command.getRequiredParameter(0));
      verifyFileSystemCondition(!getFileSystem().isDirectory(path), path, "filesystem.isDirectory");
      String parent = getFileSystem().getParent(path);
      verifyFileSystemCondition(
          getFileSystem().isDirectory(parent), parent, "filesystem.isNotADirectory");
      if (getFileSystem().exists(path)) {
        verifyWritePermission(session, path);
      }
      verifyWritePermission(session, parent);
      verifyExecutePermission(session, parent);

      session.sendReply(ReplyCodes.TRANSFER_DATA_INITIAL_OK, "Ok to send data");
      session.openDataConnection();
      byte[] contents = session.readData();
      session.closeDataConnection();

      FileEntry entry = getFileSystem().getEntry(path) instanceof FileEntry existing ? existing : null;
      Path file = disk.apply(path);
      if (file != null) {
        try {
          writeAtomically(file, contents, append);
        } catch (IOException e) {
          session.sendReply(ReplyCodes.SYSTEM_ERROR, "Local error: cannot store the file");
          return;
        }
      }
      if (entry == null) {
        entry = new FileEntry(path);
        getFileSystem().add(entry);
        entry.setPermissions(getUserAccount(session).getDefaultPermissionsForNewFile());
      }
      try (OutputStream out = entry.createOutputStream(append)) {
        out.write(contents);
      } catch (IOException e) {
        session.sendReply(ReplyCodes.SYSTEM_ERROR, "Local error: cannot store the file");
        return;
      }
      session.sendReply(ReplyCodes.TRANSFER_DATA_FINAL_OK, "Transfer complete");
    }

    private static void writeAtomically(Path file, byte[] contents, boolean append)
        throws IOException {
      Files.createDirectories(file.getParent());
      // Not Files.createTempFile: its mode 0600 would become the stored file's.
      Path part =
          file.resolveSibling("." + file.getFileName() + "." + System.nanoTime() + ".part");
      try {
        try (OutputStream out =
            Files.newOutputStream(
                part, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
          if (append && Files.exists(file)) {
            Files.copy(file, out);
          }
          out.write(contents);
        }
        try {
          Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(part);
      }
    }
  }

  /**
   * MKD, DELE, RMD, RNTO (or any other command changing the tree): MockFtpServer's handler on
   * memory, then the same change on disk when it happened in memory.
   */
  static final class Mirrored extends Guarded {
    private final CommandHandler delegate;
    private final String name;
    private final Disk disk;

    Mirrored(String name, CommandHandler delegate, BooleanSupplier anonymousMayWrite, Disk disk) {
      super(anonymousMayWrite);
      this.name = name;
      this.delegate = delegate;
      this.disk = disk;
    }

    @Override
    public void setServerConfiguration(ServerConfiguration configuration) {
      super.setServerConfiguration(configuration);
      if (delegate instanceof ServerConfigurationAware aware) {
        aware.setServerConfiguration(configuration);
      }
    }

    @Override
    void guarded(Command command, Session session) {
      String argument = command.getParameter(0);
      String path = argument == null ? null : getRealPath(session, argument);
      Object renameFrom = session.getAttribute(SessionKeys.RENAME_FROM);
      try {
        delegate.handleCommand(command, session);
      } catch (Exception e) {
        // MockFtpServer's handlers answer their own failures; anything else is an internal error.
        session.sendReply(ReplyCodes.SYSTEM_ERROR, "Local error: " + name + " failed");
        return;
      }
      Path file = path == null ? null : disk.apply(path);
      if (file == null) {
        return;
      }
      try {
        switch (name) {
          case "MKD" -> {
            if (getFileSystem().isDirectory(path)) {
              Files.createDirectories(file);
            }
          }
          case "DELE", "RMD" -> {
            if (!getFileSystem().exists(path)) {
              Files.deleteIfExists(file);
            }
          }
          case "RNTO" -> {
            Path from = renameFrom == null ? null : disk.apply(renameFrom.toString());
            if (from != null && getFileSystem().exists(path)
                && !getFileSystem().exists(renameFrom.toString())) {
              Files.move(from, file, StandardCopyOption.REPLACE_EXISTING);
            }
          }
          default -> {
            // Nothing to mirror.
          }
        }
      } catch (IOException e) {
        // The reply is sent: the change stands in memory; the directory on disk lags behind.
      }
    }
  }

  /** STOU (store under a unique name) is refused: no client of netkit's sends it. */
  static final class Refused extends Guarded {
    Refused(BooleanSupplier anonymousMayWrite) {
      super(anonymousMayWrite);
    }

    @Override
    void guarded(Command command, Session session) {
      session.sendReply(ReplyCodes.COMMAND_NOT_SUPPORTED, "STOU is not supported here; use STOR");
    }
  }
}
