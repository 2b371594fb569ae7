package io.netkit.cli.internal;

import io.netkit.core.Credentials;
import io.netkit.core.NetOptions;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.ListEntry;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.DemoResult;
import io.netkit.testkit.spi.DemoScenario;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The demo session for a protocol that brings no {@link DemoScenario} of its own, written only
 * against the {@link ClientProvider} SPI: upload a file (when the protocol can store), list the
 * root, fetch the files it served or uploaded (found by name in the listing, whatever kind the
 * protocol gives them), and check each byte for byte (SHA-256) and that none is missing. Other
 * entries are left alone. Thread-confined.
 */
public final class GenericDemo implements DemoScenario {
  private static final String UPLOAD_NAME = "upload.bin";

  private final ClientProvider client;
  private final Credentials account;
  private final Map<String, String> expected = new LinkedHashMap<>(); // file name -> sha-256

  /** A session for {@code client}'s protocol, logging in with a fresh random password. */
  public GenericDemo(ClientProvider client) {
    this.client = client;
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    this.account = new Credentials("demo", HexFormat.of().formatHex(secret));
  }

  @Override
  public Protocol protocol() {
    return client.protocol();
  }

  @Override
  public Optional<Credentials> account() {
    return Optional.of(account);
  }

  @Override
  public void prepare(Path root) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i <= 20; i++) {
      text.append("Line ").append(i).append(" of the netkit demo text: every byte comes back.\n");
    }
    write(root.resolve("hello.txt"), text.toString().getBytes(StandardCharsets.US_ASCII));
    write(root.resolve("data.bin"), pseudoRandom(64 * 1024, 1));
  }

  private void write(Path file, byte[] content) throws IOException {
    Files.write(file, content);
    expected.put(file.getFileName().toString(), sha256(content));
  }

  @Override
  public DemoResult run(MockServer server, NetOptions options) throws IOException {
    URI root = UrlArgument.withCredentials(server.url(), account);
    List<String> done = new ArrayList<>();
    long bytes = 0;
    byte[] upload = pseudoRandom(32 * 1024, 2);
    if (tryUpload(root.resolve(UPLOAD_NAME), options, upload)) {
      expected.put(UPLOAD_NAME, sha256(upload));
      bytes += upload.length;
      done.add("upload " + Units.bytes(upload.length));
    }
    List<ListEntry> entries = client.list(root, client.options(root, options));
    done.add("list " + entries.size());
    Map<String, String> missing = new LinkedHashMap<>(expected);
    List<String> kinds = new ArrayList<>();
    for (ListEntry entry : entries) {
      // The files this session put there are known by name; anything else listed (a directory,
      // a note, a search, whatever a protocol calls its containers) is not compared, so the
      // session needs to know no protocol's vocabulary of kinds.
      String want = entry.url() == null ? null : missing.remove(entry.name());
      if (want == null) {
        continue;
      }
      URI url = UrlArgument.withCredentials(entry.url(), account);
      DigestingSink sink = new DigestingSink();
      client.fetch(url, client.options(url, options), sink, TransferListener.NONE);
      String hash = HexFormat.of().formatHex(sink.digest.digest());
      if (!hash.equals(want)) {
        throw new IOException(
            "fetched " + entry.name() + " (" + sink.count + " bytes) differs from the file served");
      }
      bytes += sink.count;
      kinds.add(entry.kind());
    }
    if (!missing.isEmpty()) {
      throw new IOException("not listed or not fetched: " + String.join(", ", missing.keySet()));
    }
    done.add("fetch " + String.join("+", kinds));
    done.add("compare ok");
    return new DemoResult(String.join(", ", done), bytes);
  }

  private boolean tryUpload(URI url, NetOptions options, byte[] content) throws IOException {
    try {
      client.store(
          url,
          client.options(url, options),
          new ByteArrayInputStream(content),
          content.length,
          TransferListener.NONE);
      return true;
    } catch (UnsupportedOperationException noUpload) {
      return false; // a read-only protocol: list and fetch only
    }
  }

  private static byte[] pseudoRandom(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String sha256(byte[] content) {
    return HexFormat.of().formatHex(newDigest().digest(content));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Hashes and counts what is written, keeping nothing: constant memory for any size. */
  private static final class DigestingSink extends OutputStream {
    final MessageDigest digest = newDigest();
    long count;

    @Override
    public void write(int b) {
      digest.update((byte) b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      digest.update(b, off, len);
      count += len;
    }
  }
}
