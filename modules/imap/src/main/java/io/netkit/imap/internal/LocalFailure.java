package io.netkit.imap.internal;

import java.io.IOException;

/**
 * The caller's own stream failed (a full disk under a download, an upload source that broke):
 * carried past the session's translation so the caller gets its own exception back, unchanged.
 */
final class LocalFailure extends IOException {
  LocalFailure(IOException original) {
    super(original.getMessage(), original);
  }

  /** The caller's exception. */
  IOException original() {
    return (IOException) getCause();
  }
}
