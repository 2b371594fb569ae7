package io.netkit.imap.internal;

import io.netkit.core.ErrorContext;
import io.netkit.core.TlsMode;
import io.netkit.imap.ImapOptions;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every protocol connection of one session is held to (the TLS mode, the response bounds),
 * and where its connections leave the I/O failure that ended them, so the real cause survives
 * Angus's habit of turning failures into texts. Thread-safe.
 */
final class Guards {
  private final ErrorContext context;
  private final TlsMode tlsMode;
  private final int maxResponseBytes;
  private final long maxCommandBytes;
  private final int maxMessages;
  private final AtomicReference<IOException> lastFailure = new AtomicReference<>();

  Guards(ErrorContext context, TlsMode mode, ImapOptions options) {
    this.context = context;
    this.tlsMode = mode;
    this.maxResponseBytes = options.maxResponseBytes();
    this.maxCommandBytes = options.maxCommandBytes();
    this.maxMessages = options.maxMessages();
  }

  ErrorContext context() {
    return context;
  }

  TlsMode tlsMode() {
    return tlsMode;
  }

  int maxResponseBytes() {
    return maxResponseBytes;
  }

  long maxCommandBytes() {
    return maxCommandBytes;
  }

  int maxMessages() {
    return maxMessages;
  }

  /** Records the failure that ended a connection. */
  void failed(IOException failure) {
    lastFailure.set(failure);
  }

  /** The last recorded failure, or null. */
  IOException lastFailure() {
    return lastFailure.get();
  }

  /** Forgets the last failure (a new command starts on a healthy connection). */
  void clearFailure() {
    lastFailure.set(null);
  }
}
