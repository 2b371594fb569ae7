package io.netkit.ftp;

import io.netkit.core.TransferListener;
import io.netkit.core.UnsafeArgumentException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * What an {@link FtpClient} can be asked to do: immutable values, one record per request. Paths
 * are sent as given (relative to the working directory unless they start with {@code /}); any
 * path or argument containing CR, LF or NUL is refused with {@link UnsafeArgumentException} when
 * the request is made, before anything is sent.
 *
 * <p>The records holding streams ({@link Retrieve}, {@link Store}) are only as immutable as those
 * streams; the client neither closes them nor keeps them after the request.
 */
public sealed interface FtpRequest {

  /** Lists a directory ({@code ""} = the working directory) into {@link FtpEntry}s. */
  record List(String path) implements FtpRequest {
    /** Checks the path. */
    public List {
      safe("path", path);
    }
  }

  /** Lists names only (NLST) of a directory ({@code ""} = the working directory). */
  record NameList(String path) implements FtpRequest {
    /** Checks the path. */
    public NameList {
      safe("path", path);
    }
  }

  /**
   * Retrieves a file into {@code target}, starting at byte {@code offset} (REST) when it is
   * positive, reporting progress as bytes arrive.
   */
  record Retrieve(String path, OutputStream target, long offset, TransferListener progress)
      implements FtpRequest {
    /** Checks the parts. */
    public Retrieve {
      nonEmpty("path", path);
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(progress, "progress");
      if (offset < 0) {
        throw new IllegalArgumentException("offset must not be negative: " + offset);
      }
    }
  }

  /**
   * Stores {@code source} (read to its end) as a file, appending (APPE) instead of replacing
   * (STOR) when {@code append} is set. {@code size} is only for progress: -1 when unknown.
   */
  record Store(
      String path, InputStream source, boolean append, long size, TransferListener progress)
      implements FtpRequest {
    /** Checks the parts. */
    public Store {
      nonEmpty("path", path);
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(progress, "progress");
    }
  }

  /** Deletes a file (DELE). */
  record Delete(String path) implements FtpRequest {
    /** Checks the path. */
    public Delete {
      nonEmpty("path", path);
    }
  }

  /** Renames (RNFR, RNTO). */
  record Rename(String from, String to) implements FtpRequest {
    /** Checks both paths. */
    public Rename {
      nonEmpty("source path", from);
      nonEmpty("target path", to);
    }
  }

  /** Makes a directory (MKD). */
  record MakeDirectory(String path) implements FtpRequest {
    /** Checks the path. */
    public MakeDirectory {
      nonEmpty("path", path);
    }
  }

  /** Removes an empty directory (RMD). */
  record RemoveDirectory(String path) implements FtpRequest {
    /** Checks the path. */
    public RemoveDirectory {
      nonEmpty("path", path);
    }
  }

  /** Changes the working directory (CWD). */
  record ChangeDirectory(String path) implements FtpRequest {
    /** Checks the path. */
    public ChangeDirectory {
      nonEmpty("path", path);
    }
  }

  /** Asks for the working directory (PWD). */
  record PrintDirectory() implements FtpRequest {}

  /** Asks for a file's size in bytes (SIZE, RFC 3659). */
  record Size(String path) implements FtpRequest {
    /** Checks the path. */
    public Size {
      nonEmpty("path", path);
    }
  }

  /** Asks for a file's modification time (MDTM, RFC 3659). */
  record ModificationTime(String path) implements FtpRequest {
    /** Checks the path. */
    public ModificationTime {
      nonEmpty("path", path);
    }
  }

  /**
   * Sends one command on the control connection and returns the server's reply, whatever its
   * code (a refusal is a reply here, not an exception). Not for commands that open a data
   * connection (LIST, RETR, ...): use their requests.
   */
  record Raw(String command, String arguments) implements FtpRequest {
    /** Checks the command word (letters and digits only) and the arguments. */
    public Raw {
      Objects.requireNonNull(command, "command");
      if (command.isEmpty() || !command.chars().allMatch(Character::isLetterOrDigit)) {
        throw new IllegalArgumentException("an FTP command is a word of letters: '" + command + "'");
      }
      safe("arguments", arguments);
    }
  }

  /** {@link List} of {@code path}. */
  static List list(String path) {
    return new List(path);
  }

  /** {@link Retrieve} of {@code path} from its start, without progress reports. */
  static Retrieve retrieve(String path, OutputStream target) {
    return new Retrieve(path, target, 0, TransferListener.NONE);
  }

  /** {@link Store} replacing {@code path}, without progress reports. */
  static Store store(String path, InputStream source) {
    return new Store(path, source, false, -1, TransferListener.NONE);
  }

  private static void safe(String what, String value) {
    Objects.requireNonNull(value, what);
    UnsafeArgumentException.requireSafe(what, value);
  }

  private static void nonEmpty(String what, String value) {
    safe(what, value);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }
}
