package io.netkit.testkit.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.RecordedRequest;

/**
 * A file's answer to {@code GET} and {@code HEAD}, as a static file server gives it: validators
 * ({@code ETag} from size and modification time, {@code Last-Modified}), {@code Accept-Ranges},
 * a single {@code Range} ({@code bytes=N-} or {@code bytes=N-M}) answered with 206 and {@code
 * Content-Range} unless an {@code If-Range} validator no longer matches (then the whole file,
 * 200), and 416 for a range starting past the end.
 */
final class Ranges {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  /** Makes a body of part of a file. */
  interface Bodies {
    MockResponseBody of(Path file, long offset, long length);
  }

  private Ranges() {}

  static MockResponse answer(Path file, RecordedRequest request, Bodies bodies) throws IOException {
    long size = Files.size(file);
    java.time.Instant modified = Files.getLastModifiedTime(file).toInstant();
    String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"";
    String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atOffset(ZoneOffset.UTC));
    MockResponse.Builder b = new MockResponse.Builder()
        .addHeader("ETag", etag)
        .addHeader("Last-Modified", lastModified)
        .addHeader("Accept-Ranges", "bytes")
        .addHeader("Content-Type", Files.probeContentType(file) == null
            ? "application/octet-stream" : Files.probeContentType(file));
    boolean head = request.getMethod().equals("HEAD");
    String range = request.getHeaders().get("Range");
    String ifRange = request.getHeaders().get("If-Range");
    boolean rangeApplies = range != null
        && (ifRange == null || ifRange.equals(etag) || ifRange.equals(lastModified));
    Matcher m = range == null ? null : RANGE.matcher(range.trim());
    if (rangeApplies && m.matches()) {
      long start = Long.parseLong(m.group(1));
      long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      if (start >= size) {
        return b.code(416).addHeader("Content-Range", "bytes */" + size).build();
      }
      b.code(206).addHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
      return body(b, file, start, end - start + 1, head, bodies);
    }
    return body(b.code(200), file, 0, size, head, bodies);
  }

  private static MockResponse body(
      MockResponse.Builder b, Path file, long offset, long length, boolean head, Bodies bodies) {
    if (head) {
      return b.addHeader("Content-Length", Long.toString(length)).build();
    }
    return b.body(bodies.of(file, offset, length)).build();
  }
}
