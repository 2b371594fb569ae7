package io.netkit.ftp;

import java.time.Instant;
import java.util.Objects;

/**
 * What an {@link FtpClient} request returned: the server's final reply code and text, and the
 * request's result. One record per kind of result; immutable. Requests other than {@link
 * FtpRequest.Raw} only return when the server said yes (2xx): refusals are thrown as {@link
 * io.netkit.core.NetReplyException}.
 */
public sealed interface FtpReply {
  /** The server's final reply code, e.g. 226 or 250. */
  int code();

  /** The server's final reply text, without the code (lines joined by newlines). */
  String text();

  /** A request done, with nothing more to return (DELE, RNTO, MKD, RMD, CWD, a raw command). */
  record Done(int code, String text) implements FtpReply {
    /** Checks the text. */
    public Done {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A directory listing. */
  record Listing(int code, String text, java.util.List<FtpEntry> entries) implements FtpReply {
    /** Copies the entries. */
    public Listing {
      Objects.requireNonNull(text, "text");
      entries = java.util.List.copyOf(entries);
    }
  }

  /** A names-only listing (NLST). */
  record Names(int code, String text, java.util.List<String> names) implements FtpReply {
    /** Copies the names. */
    public Names {
      Objects.requireNonNull(text, "text");
      names = java.util.List.copyOf(names);
    }
  }

  /**
   * A completed transfer: {@code bytes} moved over the data connection in this request (not
   * counting a resume offset).
   */
  record Transferred(int code, String text, long bytes) implements FtpReply {
    /** Checks the text. */
    public Transferred {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The working directory (PWD). */
  record Directory(int code, String text, String path) implements FtpReply {
    /** Checks the parts. */
    public Directory {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(path, "path");
    }
  }

  /** A file's size in bytes (SIZE). */
  record FileSize(int code, String text, long size) implements FtpReply {
    /** Checks the text. */
    public FileSize {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A file's modification time (MDTM), in UTC as the server reports it. */
  record Modified(int code, String text, Instant time) implements FtpReply {
    /** Checks the parts. */
    public Modified {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(time, "time");
    }
  }
}
