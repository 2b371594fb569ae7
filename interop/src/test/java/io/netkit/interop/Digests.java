package io.netkit.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and of streamed content, for byte-for-byte comparisons without holding it. */
public final class Digests {
  private Digests() {}

  /** A sink that only hashes what is written to it. */
  public static final class Sha256Sink extends DigestOutputStream {
    public Sha256Sink() {
      super(OutputStream.nullOutputStream(), sha256());
    }

    /** The hex digest of everything written so far. */
    public String hex() {
      return HexFormat.of().formatHex(getMessageDigest().digest());
    }
  }

  /** The hex SHA-256 of a file, streamed. */
  public static String sha256(Path file) throws IOException {
    Sha256Sink sink = new Sha256Sink();
    try (InputStream in = Files.newInputStream(file)) {
      in.transferTo(sink);
    }
    return sink.hex();
  }

  /** The hex SHA-256 of bytes. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
