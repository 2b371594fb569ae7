package io.netkit.ftp.internal;

import io.netkit.core.Credentials;
import io.netkit.core.Endpoint;
import io.netkit.core.ErrorContext;
import io.netkit.core.NetAuthenticationException;
import io.netkit.core.NetException;
import io.netkit.core.NetNotFoundException;
import io.netkit.core.NetOptions;
import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.NetTruncatedException;
import io.netkit.core.TlsMode;
import io.netkit.core.TransferListener;
import io.netkit.core.trace.TraceMasker;
import io.netkit.core.transport.SocketFactories;
import io.netkit.ftp.FtpOptions;
import io.netkit.ftp.FtpReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;

/**
 * One logged-in FTP session on a Commons Net engine: every operation the public client offers,
 * with every boolean or null the engine returns turned into an exception carrying the reply.
 *
 * <p>Failure policy: when the server refuses ({@link NetReplyException}) the session stays usable,
 * and so it does after a download or listing that the server's final reply showed incomplete
 * ({@link NetTruncatedException} after 426, 451, or fewer bytes than SIZE with a 226): the
 * control connection is still in step. Any other failure (timeout, broken connection, a final
 * reply that never came, the caller's own stream failing mid-transfer) closes the session,
 * because the control connection's state is then unknown. Not thread-safe.
 */
public final class Session implements AutoCloseable {
  static final String LABEL = "ftp";

  private final Engine engine;
  private final ErrorContext context;
  /** The one copy buffer of this session's transfers (one at a time), made at the first. */
  private byte[] buffer;
  /** True once a RETR's preliminary reply announced the file's size: SIZE is then skipped. */
  private boolean serverAnnouncesSizes;

  private Session(Engine engine) {
    this.engine = engine;
    this.context = engine.context();
  }

  /**
   * Connects, secures (as the options' TLS mode says), logs in (anonymously when the endpoint has
   * no credentials), and switches to binary and passive (or active) mode.
   */
  public static Session open(NetOptions options, FtpOptions ftp, Endpoint endpoint)
      throws IOException {
    TlsMode mode = options.tlsMode();
    Endpoint target = endpoint.withDefaultPort(mode == TlsMode.IMPLICIT ? 990 : 21);
    NetOptions control =
        options.toBuilder()
            .traceMasker(options.traceMasker().andThen(TraceMasker.commandArguments("PASS", "ACCT")))
            .build();
    Duration dataTimeout = ftp.dataTimeout().orElse(options.readTimeout());
    Engine engine =
        new Engine(mode, mode == TlsMode.NONE ? null : new CoreSslContext(control, LABEL), target);
    ErrorContext context = engine.context();
    // Commons Net bounds neither lines nor replies and buffers ahead: the core frames its replies.
    engine.setSocketFactory(SocketFactories.plain(control, LABEL, SocketFactories.Framing.REPLIES));
    engine.setConnectTimeout(millis(options.connectTimeout()));
    engine.setDefaultTimeout(millis(options.readTimeout()));
    engine.setDataTimeout(dataTimeout);
    engine.setControlEncoding("UTF-8");
    engine.setEndpointCheckingEnabled(options.trust().verifiesHostnames());
    Session session = new Session(engine);
    try {
      engine.connect(target.host(), target.port());
      if (mode == TlsMode.IMPLICIT) {
        Failures.requireCompletion(engine, true, "connection"); // the greeting
      }
      engine.setSoTimeout(millis(options.readTimeout()));
      session.login(target.credentials().orElse(Credentials.ANONYMOUS));
      NetOptions data = DataSockets.dataOptions(options, dataTimeout);
      if (engine.controlEncrypted()) {
        engine.execPBSZ(0);
        engine.execPROT("P"); // replaces the socket factory with Commons Net's own: replace it back
        engine.setSocketFactory(DataSockets.tls(data, target));
      } else {
        engine.setSocketFactory(DataSockets.plain(data));
        engine.setServerSocketFactory(DataSockets.plainServer(data));
      }
      Failures.requireCompletion(engine, engine.setFileType(FTP.BINARY_FILE_TYPE), "TYPE I");
      if (ftp.activeMode()) {
        engine.enterLocalActiveMode();
      } else {
        engine.enterLocalPassiveMode();
        engine.setUseEPSVwithIPv4(true); // EPSV first; Commons Net falls back to PASV
      }
      return session;
    } catch (IOException e) {
      session.abandon();
      throw session.failure(e, "connecting");
    } catch (RuntimeException e) {
      session.abandon();
      throw e;
    }
  }

  private void login(Credentials credentials) throws IOException {
    if (!engine.login(credentials.user(), credentials.password())) {
      int code = engine.getReplyCode();
      String text = engine.replyText();
      throw new NetAuthenticationException(
          context, "login as " + credentials.user() + " refused: " + code + " " + text, code, text);
    }
  }

  /** True while the control connection is up. */
  public boolean isConnected() {
    return engine.isConnected();
  }

  /** True when the control connection is protected by TLS. */
  public boolean isSecure() {
    return engine.controlEncrypted();
  }

  /** Lists a directory ({@code ""} = the working directory): MLSD when FEAT lists MLST. */
  public FtpReply.Listing list(String path) throws IOException {
    String doing = "listing '" + path + "'";
    return run(
        doing,
        () -> {
          boolean machine = engine.usesMlsd();
          String what = "the listing of '" + path + "'";
          FTPFile[] files;
          try {
            files = engine.listEntries(orNull(path));
          } catch (Engine.NoFinalReply missing) {
            throw unconfirmed(what, -1, -1, missing, doing);
          }
          if (engine.dataOpened()) { // Commons Net ignores a 426 or 451 after a listing
            Completion.confirm(engine, what, true, -1, -1);
          }
          Failures.requireCompletion(
              engine, true, machine ? "MLSD" : "LIST", NetNotFoundException.Target.CONTAINER);
          return new FtpReply.Listing(
              engine.getReplyCode(), engine.replyText(), Listings.entries(files, machine));
        });
  }

  /** Lists names only (NLST). */
  public FtpReply.Names names(String path) throws IOException {
    String doing = "listing names of '" + path + "'";
    return run(
        doing,
        () -> {
          String what = "the name listing of '" + path + "'";
          String[] names;
          try {
            names = engine.listNames(orNull(path));
          } catch (Engine.NoFinalReply missing) {
            throw unconfirmed(what, -1, -1, missing, doing);
          }
          if (engine.dataOpened()) {
            Completion.confirm(engine, what, names != null, -1, -1);
          }
          Failures.requireCompletion(
              engine, names != null, "NLST", NetNotFoundException.Target.CONTAINER);
          return new FtpReply.Names(engine.getReplyCode(), engine.replyText(), Arrays.asList(names));
        });
  }

  /**
   * Retrieves {@code path} from {@code offset} into {@code target}, complete only with a 2xx final
   * reply and at least as many bytes as the file's size. The size comes from SIZE, asked before
   * RETR until the server has once announced it in a RETR's preliminary reply ({@code 150 ...
   * (1024 bytes)}, as vsftpd, ProFTPD and Pure-FTPd say, and as curl reads it); after that a
   * download from the start is one command fewer, trusting the announced count, and a
   * preliminary reply without one has SIZE asked once the transfer ended. A resumed download
   * ({@code offset > 0}) always asks SIZE first: what servers announce after REST differs.
   */
  public FtpReply.Transferred retrieve(
      String path, OutputStream target, long offset, TransferListener progress) throws IOException {
    String doing = "retrieving '" + path + "'";
    return run(
        doing,
        () -> {
          boolean askFirst = offset > 0 || !serverAnnouncesSizes;
          long size = askFirst ? Completion.sizeIfKnown(engine, path) : -1;
          if (offset > 0) {
            engine.setRestartOffset(offset);
          }
          InputStream in = engine.retrieveFileStream(path);
          if (in == null) {
            engine.setRestartOffset(0);
            throw Failures.refused(engine, "RETR " + path, NetNotFoundException.Target.ITEM);
          }
          long announced = offset > 0 ? -1 : Completion.announcedSize(engine.getReplyStrings());
          serverAnnouncesSizes |= announced >= 0;
          if (size < 0) {
            size = announced;
          }
          long expected = size < 0 ? -1 : Math.max(0, size - offset);
          long copied = copy(in, target, true, expected, progress, doing);
          String what = "'" + path + "'";
          boolean ok;
          try {
            ok = engine.completePendingCommand();
          } catch (Engine.NoFinalReply missing) {
            throw unconfirmed(what, expected, copied, missing, doing);
          }
          Completion.confirm(engine, what, ok, expected, copied);
          int code = engine.getReplyCode();
          String text = engine.replyText();
          if (expected < 0 && !askFirst) { // neither announced nor asked: ask now, as before
            long after = Completion.sizeIfKnown(engine, path);
            if (after >= 0) { // a 213: the check sees a 2xx, and counts the bytes
              Completion.confirm(engine, what, true, after, copied);
            }
          }
          return new FtpReply.Transferred(code, text, copied);
        });
  }

  /** Stores {@code source} as {@code path} (STOR), or appends to it (APPE). */
  public FtpReply.Transferred store(
      String path, InputStream source, boolean append, long size, TransferListener progress)
      throws IOException {
    String doing = "storing '" + path + "'";
    return run(
        doing,
        () -> {
          OutputStream out = append ? engine.appendFileStream(path) : engine.storeFileStream(path);
          if (out == null) {
            throw Failures.refused(engine, (append ? "APPE " : "STOR ") + path);
          }
          long copied = copy(source, out, false, size, progress, doing);
          if (!engine.completePendingCommand()) {
            throw Failures.refused(engine, "STOR " + path + " (after " + copied + " bytes)");
          }
          return new FtpReply.Transferred(engine.getReplyCode(), engine.replyText(), copied);
        });
  }

  /** Deletes a file. */
  public FtpReply.Done delete(String path) throws IOException {
    return done(
        "deleting '" + path + "'",
        "DELE " + path,
        NetNotFoundException.Target.ITEM,
        () -> engine.deleteFile(path));
  }

  /** Renames a file or directory. */
  public FtpReply.Done rename(String from, String to) throws IOException {
    return done("renaming '" + from + "'", "RNFR/RNTO " + from, () -> engine.rename(from, to));
  }

  /** Makes a directory. */
  public FtpReply.Done makeDirectory(String path) throws IOException {
    return done("making directory '" + path + "'", "MKD " + path, () -> engine.makeDirectory(path));
  }

  /** Removes a directory. */
  public FtpReply.Done removeDirectory(String path) throws IOException {
    return done(
        "removing directory '" + path + "'", "RMD " + path, () -> engine.removeDirectory(path));
  }

  /** Changes the working directory. */
  public FtpReply.Done changeDirectory(String path) throws IOException {
    return done(
        "changing directory to '" + path + "'",
        "CWD " + path,
        NetNotFoundException.Target.CONTAINER,
        () -> engine.changeWorkingDirectory(path));
  }

  /** The working directory. */
  public FtpReply.Directory printDirectory() throws IOException {
    return run(
        "asking the working directory",
        () -> {
          String path = engine.printWorkingDirectory();
          Failures.requireCompletion(engine, path != null, "PWD");
          return new FtpReply.Directory(engine.getReplyCode(), engine.replyText(), path);
        });
  }

  /** A file's size. */
  public FtpReply.FileSize size(String path) throws IOException {
    return run(
        "asking the size of '" + path + "'",
        () -> {
          int code = engine.size(path); // not getSize: it fails unchecked on a bare "213"
          Failures.requireCompletion(
              engine, FTPReply.isPositiveCompletion(code), "SIZE " + path,
              NetNotFoundException.Target.ITEM);
          return new FtpReply.FileSize(
              engine.getReplyCode(), engine.replyText(),
              Completion.requireSize(context, engine, path));
        });
  }

  /** A file's modification time. */
  public FtpReply.Modified modificationTime(String path) throws IOException {
    return run(
        "asking the modification time of '" + path + "'",
        () -> {
          String raw = engine.getModificationTime(path);
          Failures.requireCompletion(
              engine, raw != null, "MDTM " + path, NetNotFoundException.Target.ITEM);
          Instant time = org.apache.commons.net.ftp.parser.MLSxEntryParser.parseGmtInstant(raw.trim());
          if (time == null) {
            throw new NetProtocolException(context, "unreadable MDTM reply: " + raw.trim());
          }
          return new FtpReply.Modified(engine.getReplyCode(), engine.replyText(), time);
        });
  }

  /** Sends a raw command; any reply is returned, not thrown. */
  public FtpReply.Done raw(String command, String arguments) throws IOException {
    return run(
        "sending " + command,
        () -> {
          int code = engine.sendCommand(command, arguments.isEmpty() ? null : arguments);
          return new FtpReply.Done(code, engine.replyText());
        });
  }

  /** Says QUIT (briefly) and closes. Idempotent. */
  @Override
  public void close() {
    if (engine.isConnected()) {
      try {
        engine.logout();
      } catch (IOException | RuntimeException ignored) {
        // Closing anyway: a server that does not answer QUIT changes nothing for us.
      }
    }
    abandon();
  }

  /** Closes without QUIT: after a failure the server may never answer it. */
  private void abandon() {
    try {
      engine.disconnect();
    } catch (IOException | RuntimeException ignored) {
      // The sockets are closed as far as they can be.
    }
  }

  private long copy(
      InputStream in, OutputStream out, boolean download, long total, TransferListener progress,
      String doing)
      throws IOException {
    try (InputStream dataIn = download ? in : null;
        OutputStream dataOut = download ? null : out) {
      if (buffer == null) {
        buffer = new byte[Transfers.BUFFER];
      }
      return Transfers.copy(in, out, buffer, download, total, progress);
    } catch (Transfers.CopyFailure failure) {
      abandon(); // the control connection's state is unknown: do not leave it half-used
      if (failure.networkSide) {
        throw Failures.translate(
            context, failure.cause, doing + " (after " + failure.copied + " bytes)");
      }
      throw new CallerStreamFailure(failure.cause);
    }
  }

  /** The final reply never came: the session is out of step, and the transfer unconfirmed. */
  private NetTruncatedException unconfirmed(
      String what, long expected, long received, Engine.NoFinalReply missing, String doing) {
    abandon();
    return Completion.unconfirmed(
        context, what, expected, received, failure(missing.getCause(), doing));
  }

  /** A typed exception for an I/O failure while {@code doing} something. */
  private NetException failure(IOException failure, String doing) {
    if (failure instanceof Engine.NoFinalReply missing) {
      failure = missing.getCause(); // an upload's final reply: what happened is what counts
    }
    if (engine.cutMidReply(failure)) {
      return Completion.cutReply(engine, failure, doing);
    }
    return Failures.translate(context, failure, doing);
  }

  private FtpReply.Done done(String doing, String what, Call<Boolean> call) throws IOException {
    return run(
        doing,
        () -> {
          Failures.requireCompletion(engine, call.call(), what);
          return new FtpReply.Done(engine.getReplyCode(), engine.replyText());
        });
  }

  /** As {@link #done(String, String, Call)}, a 550 meaning that {@code missing} is missing. */
  private FtpReply.Done done(
      String doing, String what, NetNotFoundException.Target missing, Call<Boolean> call)
      throws IOException {
    return run(
        doing,
        () -> {
          Failures.requireCompletion(engine, call.call(), what, missing);
          return new FtpReply.Done(engine.getReplyCode(), engine.replyText());
        });
  }

  private <T> T run(String doing, Call<T> call) throws IOException {
    if (!engine.isConnected()) {
      throw new IllegalStateException("the FTP session is closed");
    }
    try {
      return call.call();
    } catch (NetReplyException refused) {
      throw refused; // the server said no: the session is still in step
    } catch (NetTruncatedException incomplete) {
      throw incomplete; // in step after a final reply, else closed where it was thrown
    } catch (CallerStreamFailure local) {
      throw local.getCause(); // the caller's own stream failed: report it unchanged
    } catch (IOException e) {
      abandon();
      throw failure(e, doing);
    }
  }

  /** Carries a failure of the caller's stream past the network-failure translation. */
  private static final class CallerStreamFailure extends RuntimeException {
    CallerStreamFailure(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  private static String orNull(String path) {
    return path.isEmpty() ? null : path;
  }

  private static int millis(Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }

  @FunctionalInterface
  private interface Call<T> {
    T call() throws IOException;
  }
}
