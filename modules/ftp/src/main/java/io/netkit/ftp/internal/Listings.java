package io.netkit.ftp.internal;

import io.netkit.ftp.FtpEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTPFile;

/** Turns Commons Net's parsed listing entries into {@link FtpEntry} values. */
final class Listings {
  private static final Pattern UNIX_MODE = Pattern.compile("^[-dlcbpsD][-rwxsStTlL]{9}.*", Pattern.DOTALL);
  private static final int[] WHO = {FTPFile.USER_ACCESS, FTPFile.GROUP_ACCESS, FTPFile.WORLD_ACCESS};
  private static final int[] WHAT = {
    FTPFile.READ_PERMISSION, FTPFile.WRITE_PERMISSION, FTPFile.EXECUTE_PERMISSION
  };

  private Listings() {}

  /**
   * The entries of a listing, without the directory itself and its parent ({@code .}, {@code ..},
   * and MLSD's {@code cdir}/{@code pdir} entries) and without lines no parser understood.
   */
  static List<FtpEntry> entries(FTPFile[] files, boolean fromMlsd) {
    List<FtpEntry> entries = new ArrayList<>(files.length);
    for (FTPFile file : files) {
      if (file == null || !file.isValid() || isSelfOrParent(file, fromMlsd)) {
        continue;
      }
      entries.add(entry(file, fromMlsd));
    }
    return entries;
  }

  static FtpEntry entry(FTPFile file, boolean fromMlsd) {
    return new FtpEntry(
        file.getName(),
        type(file),
        file.getSize(),
        file.getTimestamp() == null ? null : file.getTimestamp().toInstant(),
        hasUnixPermissions(file, fromMlsd) ? permissions(file) : null,
        file.isSymbolicLink() ? file.getLink() : null);
  }

  private static boolean isSelfOrParent(FTPFile file, boolean fromMlsd) {
    String name = file.getName();
    if (".".equals(name) || "..".equals(name)) {
      return true;
    }
    if (!fromMlsd || file.getRawListing() == null) {
      return false;
    }
    String facts = file.getRawListing().toLowerCase(Locale.ROOT);
    return facts.contains("type=cdir;") || facts.contains("type=pdir;");
  }

  private static FtpEntry.Type type(FTPFile file) {
    if (file.isDirectory()) {
      return FtpEntry.Type.DIRECTORY;
    }
    if (file.isSymbolicLink()) {
      return FtpEntry.Type.LINK;
    }
    return file.isFile() ? FtpEntry.Type.FILE : FtpEntry.Type.OTHER;
  }

  // Commons Net sets no flag for "permissions unknown": all false would print as "---------".
  private static boolean hasUnixPermissions(FTPFile file, boolean fromMlsd) {
    String raw = file.getRawListing();
    if (raw == null) {
      return false;
    }
    return fromMlsd
        ? raw.toLowerCase(Locale.ROOT).contains("unix.mode=")
        : UNIX_MODE.matcher(raw).matches();
  }

  private static String permissions(FTPFile file) {
    StringBuilder text = new StringBuilder(9);
    char[] letters = {'r', 'w', 'x'};
    for (int who : WHO) {
      for (int i = 0; i < WHAT.length; i++) {
        text.append(file.hasPermission(who, WHAT[i]) ? letters[i] : '-');
      }
    }
    return text.toString();
  }
}
