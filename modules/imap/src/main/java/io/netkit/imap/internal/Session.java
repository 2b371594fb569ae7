package io.netkit.imap.internal;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetReplyException;
import io.netkit.core.TlsMode;
import io.netkit.imap.ImapFolder;
import io.netkit.imap.ImapOptions;
import io.netkit.imap.MailboxStatus;
import io.netkit.mail.internal.MailProtocol;
import io.netkit.mail.internal.MailSession;
import io.netkit.mail.internal.MailSessions;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/**
 * One logged-in IMAP session on Angus: the store, the one selected mailbox, and every operation
 * the public client offers, with Angus's failures turned into netkit's.
 *
 * <p>One connection: Angus gives an opened folder the store's connection and would open a second
 * one for store commands (LIST, STATUS, APPEND...) while a folder is open, so those go through the
 * open folder's connection instead ({@link #run}). Selecting another mailbox closes the selected
 * one first (UNSELECT where offered, never an implicit expunge).
 *
 * <p>Failure policy: a refusal ({@link NetReplyException}: NO, BAD, not found) leaves the session
 * usable; any other failure (timeout, broken connection, a protocol violation, a bound exceeded)
 * closes it, because the connection's state is then unknown. Not thread-safe.
 */
public final class Session implements AutoCloseable {
  static final String LABEL = "imap";
  /** The first chunk buffer's room for a body, before a fetch shows that more is needed. */
  static final int FIRST_BUFFER = 16 * 1024;
  /**
   * The chunk buffer's room beside a chunk for the FETCH response around it (the line before the
   * literal, the items and the parenthesis after it): with it Angus never regrows the buffer.
   */
  static final int RESPONSE_ROOM = 1024;

  private final GuardedStore store;
  private final Guards guards;
  private final ImapOptions imap;
  private final NetOptions options;
  private IMAPFolder selected;
  private boolean connected;
  private byte[] chunkBuffer;

  private Session(GuardedStore store, Guards guards, ImapOptions imap, NetOptions options) {
    this.store = store;
    this.guards = guards;
    this.imap = imap;
    this.options = options;
  }

  /**
   * Connects, secures as the options' TLS mode says, and logs in with the endpoint's credentials.
   *
   * @param mechanism a SASL mechanism the URL asked for ({@code ;AUTH=XOAUTH2}), or null
   */
  public static Session open(NetOptions options, ImapOptions imap, Endpoint endpoint, String mechanism)
      throws IOException {
    Objects.requireNonNull(endpoint, "endpoint");
    Credentials credentials =
        endpoint.credentials()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "IMAP needs a user name and password (in the URL, or -u)"));
    // Long lines are normal in IMAP (a SEARCH result for a large mailbox is one line): its own
    // response bound replaces the core's line limit, which still applies beneath it.
    NetOptions wide =
        options.toBuilder()
            .maxLineLength(Math.max(options.maxLineLength(), imap.maxResponseBytes()))
            .build();
    Map<String, Object> settings = new LinkedHashMap<>();
    List<String> mechanisms =
        mechanism == null || mechanism.equals("*") ? imap.authMechanisms() : List.of(mechanism);
    settings.put("auth.mechanisms", String.join(" ", mechanisms));
    settings.put("minidletime", "0");
    settings.put("peek", "true");
    MailSession mail = MailSessions.open(MailProtocol.IMAP, wide, settings);
    Guards guards = new Guards(mail.context(endpoint), options.tlsMode(), imap);
    GuardedStore store =
        new GuardedStore(
            mail.session(), mail.providerName(), options.tlsMode() == TlsMode.IMPLICIT, guards);
    Session session = new Session(store, guards, imap, mail.options());
    try {
      store.connect(
          endpoint.host(), mail.port(endpoint), credentials.user(), credentials.password());
      session.connected = true;
      return session;
    } catch (MessagingException e) {
      session.abandon();
      throw Failures.translate(guards, e, "connecting");
    } catch (RuntimeException e) {
      session.abandon();
      throw e;
    }
  }

  /** True between a successful open and close, while the connection is believed up. */
  public boolean isConnected() {
    return connected;
  }

  /** The capabilities, upper case. */
  public Set<String> capabilities() throws IOException {
    return call("asking for capabilities", () -> run(p -> Set.copyOf(p.getCapabilities().keySet())));
  }

  /** LIST or LSUB. */
  public List<ImapFolder> list(String pattern, boolean subscribedOnly) throws IOException {
    return call(
        "listing mailboxes",
        () -> {
          ListInfo[] found = run(p -> subscribedOnly ? p.lsub("", pattern) : p.list("", pattern));
          List<ImapFolder> out = new ArrayList<>();
          if (found != null) {
            for (ListInfo info : found) {
              out.add(new ImapFolder(info.name, info.separator, Set.of(info.attrs)));
            }
          }
          return out;
        });
  }

  /** CREATE. */
  public void create(String name) throws IOException {
    call("creating '" + name + "'", () -> run(p -> { p.create(name); return null; }));
  }

  /** RENAME; the selected mailbox is closed first when it is the one renamed. */
  public void rename(String from, String to) throws IOException {
    call("renaming '" + from + "'", () -> {
      deselect(from);
      return run(p -> { p.rename(from, to); return null; });
    });
  }

  /** DELETE; the selected mailbox is closed first when it is the one deleted. */
  public void delete(String name) throws IOException {
    call("deleting '" + name + "'", () -> {
      deselect(name);
      return run(p -> { p.delete(name); return null; });
    });
  }

  /** SUBSCRIBE or UNSUBSCRIBE. */
  public void subscribe(String name, boolean subscribe) throws IOException {
    call((subscribe ? "subscribing to '" : "unsubscribing from '") + name + "'",
        () -> run(p -> {
          if (subscribe) {
            p.subscribe(name);
          } else {
            p.unsubscribe(name);
          }
          return null;
        }));
  }

  /** STATUS. */
  public MailboxStatus status(String name) throws IOException {
    return call("asking the status of '" + name + "'", () -> {
      org.eclipse.angus.mail.imap.protocol.Status s =
          run(p -> p.status(name, new String[] {"MESSAGES", "RECENT", "UNSEEN", "UIDVALIDITY", "UIDNEXT"}));
      if (s == null) {
        throw new ProtocolException("the server sent no STATUS for '" + name + "'");
      }
      return new MailboxStatus(name, s.total, s.recent, s.unseen, s.uidvalidity, s.uidnext, false);
    });
  }

  /** SELECT or EXAMINE, with the counts. */
  public MailboxStatus select(String name, boolean readOnly) throws IOException {
    return call((readOnly ? "examining '" : "selecting '") + name + "'", () -> {
      deselect(null);
      IMAPFolder folder = open(name, !readOnly);
      return new MailboxStatus(
          name,
          folder.getMessageCount(),
          folder.getNewMessageCount(),
          folder.getUnreadMessageCount(),
          folder.getUIDValidity(),
          folder.getUIDNext(),
          folder.getMode() == Folder.READ_ONLY);
    });
  }

  /** The options the session's sockets were made with. */
  NetOptions options() {
    return options;
  }

  ImapOptions imapOptions() {
    return imap;
  }

  Guards guards() {
    return guards;
  }

  /**
   * The buffer fetch chunks are read into, kept by the session and reused by every fetch (a session
   * reads one body at a time), so neither a small fetch nor each chunk of a large one allocates and
   * clears a chunk's worth of memory. It starts with room for a small body ({@value #FIRST_BUFFER}
   * bytes, or a chunk if less) and the response around it; the first body that does not fit
   * makes it a whole chunk and its room ({@link #wholeChunkBuffer}), for good.
   */
  byte[] chunkBuffer() {
    if (chunkBuffer == null) {
      chunkBuffer = new byte[Math.min(imap.fetchChunkSize(), FIRST_BUFFER) + RESPONSE_ROOM];
    }
    return chunkBuffer;
  }

  /**
   * Makes the chunk buffer a whole chunk and its response room, unless it is already: a body did
   * not fit in it (Angus grew it for that one response), or more chunks of one are to come.
   */
  void wholeChunkBuffer() {
    if (chunkBuffer == null || chunkBuffer.length < imap.fetchChunkSize() + RESPONSE_ROOM) {
      chunkBuffer = new byte[imap.fetchChunkSize() + RESPONSE_ROOM];
    }
  }

  /**
   * The mailbox selected for a request: the selected one when it is {@code name} (and writable,
   * when {@code write}), else {@code name} newly selected (EXAMINE when not {@code write}).
   */
  IMAPFolder open(String name, boolean write) throws MessagingException {
    IMAPFolder current = selected;
    if (current != null && current.isOpen() && current.getFullName().equals(name)
        && (!write || current.getMode() == Folder.READ_WRITE)) {
      return current;
    }
    deselect(null);
    IMAPFolder folder = (IMAPFolder) store.getFolder(name);
    folder.open(write ? Folder.READ_WRITE : Folder.READ_ONLY);
    selected = folder;
    return folder;
  }

  /** Closes the selected mailbox (when it is {@code name}, or whichever it is for null). */
  private void deselect(String name) throws MessagingException {
    IMAPFolder current = selected;
    if (current == null || (name != null && !current.getFullName().equals(name))) {
      return;
    }
    selected = null;
    if (current.isOpen()) {
      current.close(false);
    }
  }

  /** An operation on the connection, with Angus's protocol failures. */
  @FunctionalInterface
  interface ProtocolOp<T> {
    T apply(GuardedProtocol p) throws ProtocolException;
  }

  /** An operation that may throw Angus's failures. */
  @FunctionalInterface
  interface Op<T> {
    T run() throws MessagingException, ProtocolException, IOException;
  }

  /** Runs {@code op} on the session's one connection: the selected folder's, or the store's. */
  @SuppressWarnings("unchecked")
  <T> T run(ProtocolOp<T> op) throws MessagingException {
    IMAPFolder channel = selected != null && selected.isOpen()
        ? selected
        : (IMAPFolder) store.getDefaultFolder();
    return (T) channel.doCommand(p -> op.apply((GuardedProtocol) p));
  }

  /** Runs {@code op} on the connection of mailbox {@code name}, selected as needed. */
  @SuppressWarnings("unchecked")
  <T> T runIn(String name, boolean write, ProtocolOp<T> op) throws MessagingException {
    IMAPFolder folder = open(name, write);
    return (T) folder.doCommand(p -> op.apply((GuardedProtocol) p));
  }

  /** The folder {@link #open} selected last. */
  IMAPFolder selected() {
    return selected;
  }

  /**
   * Runs a public operation: translates failures, and closes the session on any failure that is
   * not a refusal.
   */
  <T> T call(String doing, Op<T> op) throws IOException {
    if (!connected) {
      throw new IllegalStateException("not connected");
    }
    try {
      return op.run();
    } catch (MessagingException | ProtocolException | IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException || e instanceof UnsupportedOperationException) {
        throw (RuntimeException) e;
      }
      if (e instanceof LocalFailure local) {
        throw local.original(); // between commands: the connection is as good as before
      }
      if (guards.lastFailure() instanceof LocalFailure local) {
        abandon(); // inside a command (an append's literal): the connection is spent
        throw local.original();
      }
      NetException failure =
          e instanceof ProtocolException pe && pe.getResponse() != null
                  && (pe.getResponse().isNO() || pe.getResponse().isBAD())
              ? Failures.refused(guards.context(), pe.getResponse(), doing)
              : Failures.translate(guards, e, doing);
      if (!(failure instanceof NetReplyException)) {
        abandon();
      }
      throw failure;
    }
  }

  /** Logs out politely (bounded by the read timeout) and closes. Idempotent. */
  @Override
  public void close() {
    if (!connected) {
      return;
    }
    connected = false;
    try {
      deselect(null);
    } catch (MessagingException | RuntimeException ignored) {
      // closing anyway
    }
    try {
      store.close();
    } catch (MessagingException | RuntimeException ignored) {
      // the connection is gone either way
    }
  }

  /** Closes without ceremony after a failure. */
  void abandon() {
    connected = false;
    GuardedProtocol p = store.latest();
    if (p != null) {
      p.disconnect();
    }
    try {
      store.close();
    } catch (MessagingException | RuntimeException ignored) {
      // already broken
    }
    selected = null;
  }
}
