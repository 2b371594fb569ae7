package io.netkit.testkit.ftp;

import io.netkit.testkit.Fault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.mockftpserver.core.command.Command;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.command.ReplyCodes;
import org.mockftpserver.core.session.Session;
import org.mockftpserver.fake.command.AbstractFakeCommandHandler;
import org.mockftpserver.fake.filesystem.FileEntry;
import org.mockftpserver.fake.filesystem.FileSystemEntry;

/**
 * The command handlers FtpMockServer adds to or replaces in MockFtpServer's fake server: a
 * greeting that can misbehave, REST that is remembered and honoured by RETR (MockFtpServer's own
 * RETR ignores it), RETR that can stop half-way, and MDTM (which MockFtpServer lacks).
 */
final class Handlers {
  static final String REST_OFFSET = "netkit.restOffset";

  private Handlers() {}

  /** The greeting, or the connection-level fault in force. */
  static final class Connect implements CommandHandler {
    private final Supplier<Fault> fault;
    private final Supplier<Integer> overlongLength;

    Connect(Supplier<Fault> fault, Supplier<Integer> overlongLength) {
      this.fault = fault;
      this.overlongLength = overlongLength;
    }

    @Override
    public void handleCommand(Command command, Session session) {
      switch (fault.get()) {
        case DISCONNECT_AT_START -> session.close(); // ends the session before a byte is sent
        case STALL -> {
          // Say nothing: the client must time out waiting for the greeting.
        }
        case GARBAGE_REPLY -> raw(session, "\u00ff\u00fe garbage, not an FTP reply\r\n");
        case OVERLONG_LINE -> raw(session, "220 " + "x".repeat(overlongLength.get()) + "\r\n");
        default -> session.sendReply(ReplyCodes.CONNECT_OK, "netkit FtpMockServer ready");
      }
    }

    private static void raw(Session session, String text) {
      if (session instanceof LoopbackFakeFtpServer.LoopbackSession loopback) {
        loopback.writeRaw(text.getBytes(StandardCharsets.ISO_8859_1));
      }
      session.close();
    }
  }

  /** REST: remembers the offset for the next RETR. */
  static final class Rest extends AbstractFakeCommandHandler {
    @Override
    protected void handle(Command command, Session session) {
      verifyLoggedIn(session);
      String value = command.getRequiredParameter(0);
      long offset;
      try {
        offset = Long.parseLong(value);
      } catch (NumberFormatException e) {
        session.sendReply(ReplyCodes.COMMAND_SYNTAX_ERROR, "REST needs a byte offset");
        return;
      }
      session.setAttribute(REST_OFFSET, offset);
      session.sendReply(ReplyCodes.REST_OK, "Restarting at " + offset + ". Send RETR.");
    }
  }

  /** RETR: streams from the REST offset; with DISCONNECT_MID_RESPONSE stops half-way and hangs up. */
  static final class Retr extends AbstractFakeCommandHandler {
    private final Supplier<Fault> fault;

    Retr(Supplier<Fault> fault) {
      this.fault = fault;
    }

    @Override
    protected void handle(Command command, Session session) {
      verifyLoggedIn(session);
      Object restAttribute = session.getAttribute(REST_OFFSET);
      session.removeAttribute(REST_OFFSET);
      long offset = restAttribute == null ? 0 : (Long) restAttribute;
      String path = getRealPath(session, command.getRequiredParameter(0));
      FileSystemEntry entry = getFileSystem().getEntry(path);
      verifyFileSystemCondition(entry != null, path, "filesystem.doesNotExist");
      verifyFileSystemCondition(!entry.isDirectory(), path, "filesystem.isNotAFile");
      verifyReadPermission(session, path);
      verifyExecutePermission(session, getFileSystem().getParent(path));
      FileEntry file = (FileEntry) entry;
      long length = Math.max(0, file.getSize() - offset);
      boolean cut = fault.get() == Fault.DISCONNECT_MID_RESPONSE;
      long toSend = cut ? length / 2 : length;

      session.sendReply(ReplyCodes.TRANSFER_DATA_INITIAL_OK, "Opening BINARY data connection");
      session.openDataConnection();
      try (InputStream in = file.createInputStream()) {
        in.skipNBytes(Math.min(offset, file.getSize()));
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        while (sent < toSend) {
          int n = in.read(buffer, 0, (int) Math.min(buffer.length, toSend - sent));
          if (n < 0) {
            break;
          }
          session.sendData(buffer, n);
          sent += n;
        }
      } catch (IOException e) {
        session.closeDataConnection();
        session.sendReply(ReplyCodes.SYSTEM_ERROR, "Local error reading the file");
        return;
      }
      session.closeDataConnection();
      if (cut) {
        session.close(); // hang up the control connection too, without a final reply
        return;
      }
      session.sendReply(ReplyCodes.TRANSFER_DATA_FINAL_OK, "Transfer complete");
    }
  }

  /** MDTM (RFC 3659): the file's modification time in UTC. */
  static final class Mdtm extends AbstractFakeCommandHandler {
    private static final DateTimeFormatter FORMAT =
        DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    @Override
    protected void handle(Command command, Session session) {
      verifyLoggedIn(session);
      String path = getRealPath(session, command.getRequiredParameter(0));
      FileSystemEntry entry = getFileSystem().getEntry(path);
      verifyFileSystemCondition(entry != null, path, "filesystem.doesNotExist");
      verifyFileSystemCondition(!entry.isDirectory(), path, "filesystem.isNotAFile");
      session.sendReply(ReplyCodes.STAT_FILE_OK, FORMAT.format(entry.getLastModified().toInstant()));
    }
  }
}
