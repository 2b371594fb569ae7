package io.netkit.http.internal;

import io.netkit.core.NetProtocolException;
import io.netkit.core.NetReplyException;
import io.netkit.core.TransferListener;
import io.netkit.http.HttpRequest;
import io.netkit.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads to a file as FTP does them: into {@code <file>.part}, renamed only when complete, so
 * no partial file appears under the file's name; and resumes them with {@code Range}, sending the
 * first response's validator ({@code ETag}, else {@code Last-Modified}, kept beside the part file
 * in {@code <file>.part.validator}) as {@code If-Range}, so a file that changed on the server
 * comes back whole (200) and replaces the part instead of being spliced onto it. A 206 is
 * accepted only when its {@code Content-Range} starts exactly where the part ends.
 */
public final class Downloads {
  private static final Pattern CONTENT_RANGE =
      Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern UNSATISFIED = Pattern.compile("bytes \\*/(\\d+)", Pattern.CASE_INSENSITIVE);
  private static final int BUFFER = 64 * 1024;

  private final Session session;

  /** Downloads through {@code session}. */
  public Downloads(Session session) {
    this.session = session;
  }

  /** Downloads {@code target} whole into {@code file}; returns the bytes written. */
  public long download(String target, Path file, TransferListener progress) throws IOException {
    Path part = part(file);
    try (HttpResponse r = session.execute(HttpRequest.get(target), TransferListener.NONE)) {
      requireSuccess(r, target);
      writeValidator(file, r);
      long n;
      try (OutputStream out = Files.newOutputStream(part)) {
        n = copy(r.body(), out, 0, r.contentLength().orElse(-1), progress);
      }
      finish(part, file);
      return n;
    }
  }

  /**
   * Continues a download: from {@code <file>.part} if an earlier download left one, else by
   * appending to {@code file} itself (the caller vouches it is a partial copy), else from the
   * start. Returns the bytes written by this call.
   */
  public long resume(String target, Path file, TransferListener progress) throws IOException {
    Path part = part(file);
    boolean inPlace = !Files.exists(part) && Files.exists(file);
    Path into = inPlace ? file : part;
    long have = Files.exists(into) ? Files.size(into) : 0;
    if (have == 0 && !inPlace) {
      return download(target, file, progress);
    }
    Optional<String> validator = inPlace ? Optional.empty() : readValidator(file);
    HttpRequest.Builder request = HttpRequest.builder("GET", target).header("Range", "bytes=" + have + "-");
    validator.ifPresent(v -> request.header("If-Range", v));
    long n;
    try (HttpResponse r = session.execute(request.build(), TransferListener.NONE)) {
      if (r.status() == 416) {
        Matcher m = UNSATISFIED.matcher(r.headers().first("Content-Range").orElse(""));
        if (m.matches() && Long.parseLong(m.group(1)) == have) {
          if (!inPlace) {
            finish(part, file); // it was complete already
          }
          return 0;
        }
        throw new NetReplyException(session.context(), 416, r.reason(), "resuming " + target + " at " + have);
      }
      requireSuccess(r, target);
      boolean partial = r.status() == 206;
      if (partial) {
        checkRange(r, have, target);
        checkValidator(r, validator, target);
      } else {
        writeValidator(file, r); // a whole (new) copy replaces what was there
      }
      long total = r.contentLength().orElse(-1);
      try (OutputStream out = partial
          ? Files.newOutputStream(into, StandardOpenOption.APPEND)
          : Files.newOutputStream(into)) {
        n = copy(r.body(), out, partial ? have : 0, total < 0 ? -1 : (partial ? have : 0) + total, progress);
      }
    }
    if (!inPlace) {
      finish(part, file);
    }
    return n;
  }

  private void checkRange(HttpResponse r, long have, String target) throws NetProtocolException {
    String range = r.headers().first("Content-Range").orElse("");
    Matcher m = CONTENT_RANGE.matcher(range.trim());
    if (!m.matches() || Long.parseLong(m.group(1)) != have) {
      throw new NetProtocolException(
          session.context(),
          "resuming " + target + " at byte " + have + ": the server sent the range '" + range
              + "', which does not continue the partial file");
    }
  }

  /** A 206 whose strong ETag differs from the part's is of another file: never spliced. */
  private void checkValidator(HttpResponse r, Optional<String> validator, String target)
      throws NetProtocolException {
    Optional<String> etag = r.headers().first("ETag");
    if (validator.isPresent() && validator.get().startsWith("\"") && etag.isPresent()
        && !etag.get().startsWith("W/") && !etag.get().equals(validator.get())) {
      throw new NetProtocolException(session.context(), "resuming " + target
          + ": the server sent part of another version (ETag " + etag.get() + ", the part file has "
          + validator.get() + "): not spliced");
    }
  }

  private void requireSuccess(HttpResponse r, String target) throws NetReplyException {
    if (!r.isSuccessful()) {
      throw new NetReplyException(session.context(), r.status(), r.reason(), "GET " + target);
    }
  }

  private static long copy(InputStream in, OutputStream out, long start, long total, TransferListener progress)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    long n = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      out.write(buffer, 0, read);
      n += read;
      progress.progress(start + n, total);
    }
    return n;
  }

  static Path part(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      throw new IllegalArgumentException("not a file name: " + file);
    }
    return file.resolveSibling(name + ".part");
  }

  private static Path validatorFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".part.validator");
  }

  private static void writeValidator(Path file, HttpResponse r) throws IOException {
    Optional<String> v = r.headers().first("ETag").filter(e -> !e.startsWith("W/"))
        .or(() -> r.headers().first("Last-Modified"));
    Path meta = validatorFile(file);
    if (v.isPresent()) {
      Files.writeString(meta, v.get(), StandardCharsets.UTF_8);
    } else {
      Files.deleteIfExists(meta);
    }
  }

  private static Optional<String> readValidator(Path file) throws IOException {
    Path meta = validatorFile(file);
    if (!Files.exists(meta)) {
      return Optional.empty();
    }
    String v = Files.readString(meta, StandardCharsets.UTF_8).strip();
    return v.isEmpty() || v.contains("\n") ? Optional.empty() : Optional.of(v);
  }

  private static void finish(Path part, Path file) throws IOException {
    try {
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.deleteIfExists(validatorFile(file));
  }
}
