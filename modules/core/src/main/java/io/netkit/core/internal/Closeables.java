package io.netkit.core.internal;

import java.io.Closeable;
import java.io.IOException;

/** Closing where a failure to close changes nothing: cleanup after an earlier failure, or stop. */
public final class Closeables {
  private Closeables() {}

  /** Closes {@code closeable} (null is allowed), ignoring a failure to close. */
  public static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException ignored) {
      // The caller is already failing or stopping; the first failure is the one to report.
    }
  }
}
