package io.netkit.cli;

import io.netkit.cli.internal.LocalFileException;
import io.netkit.cli.internal.UsageException;
import io.netkit.core.NetOptions;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.RequestProvider;
import io.netkit.core.spi.RequestSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * curl's request options for {@code netkit get}, carried to a protocol that makes requests (a
 * {@link RequestProvider}: HTTP) as a protocol-neutral {@link RequestSpec}; the command names no
 * protocol. A picocli mixin: one instance per command invocation. For a protocol without
 * requests (ftp, gopher) these options are a usage error.
 */
public final class RequestOptions {
  @Option(names = {"-X", "--request"}, paramLabel = "METHOD", description = "Use METHOD (default GET; POST with -d, PUT with -T, HEAD with -I).")
  String method;

  @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "Send this header too (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(names = {"-d", "--data"}, paramLabel = "DATA", description = "POST DATA, urlencoded form style (@FILE: its contents without line ends; repeatable, joined by &).")
  List<String> data = new ArrayList<>();

  @Option(names = "--data-binary", paramLabel = "DATA", description = "POST DATA as it is (@FILE: the file's bytes).")
  String dataBinary;

  @Option(names = {"-T", "--upload-file"}, paramLabel = "FILE", description = "PUT FILE to the URL.")
  Path uploadFile;

  @Option(names = {"-I", "--head"}, description = "Fetch the headers only (HEAD) and print them.")
  boolean head;

  @Option(names = {"-i", "--include"}, description = "Print the response headers before the body.")
  boolean include;

  @Option(names = {"-L", "--location"}, description = "Follow redirects (never https to http; credentials only to the first host).")
  boolean location;

  @Option(names = "--max-redirs", paramLabel = "N", description = "Follow at most N redirects (default 50).")
  Integer maxRedirects;

  @Option(names = {"-C", "--continue-at"}, paramLabel = "OFFSET|-", description = "Resume at OFFSET ('-': after what the -o file holds).")
  String continueAt;

  @Mixin ProxyOptions proxies;

  @Option(names = {"-b", "--cookie"}, paramLabel = "FILE|NAME=VALUE", description = "Send cookies from a Netscape cookie FILE, or these NAME=VALUE pairs.")
  String cookie;

  @Option(names = {"-c", "--cookie-jar"}, paramLabel = "FILE", description = "Write the session's cookies to FILE (Netscape format).")
  Path cookieJar;

  @Option(names = {"-A", "--user-agent"}, paramLabel = "AGENT", description = "Send this User-Agent (default netkit's own).")
  String userAgent;

  /** True when any option was given. */
  boolean given() {
    return method != null || !headers.isEmpty() || !data.isEmpty() || dataBinary != null
        || uploadFile != null || head || include || location || maxRedirects != null
        || continueAt != null || proxies.given() || cookie != null
        || cookieJar != null || userAgent != null;
  }

  /** True for {@code -C}, which appends to the output file instead of replacing it. */
  boolean resumes() {
    return continueAt != null;
  }

  /**
   * Fetches {@code url} into {@code out}: through {@link RequestProvider#exchange} when the
   * protocol makes requests, else a plain {@link ClientProvider#fetch} (which these options
   * cannot change: giving one is a usage error).
   */
  void fetch(ClientProvider provider, URI url, NetOptions options, OutputStream out,
      TransferListener progress, long resumeFrom) throws IOException {
    if (!(provider instanceof RequestProvider requests)) {
      if (given()) {
        throw new UsageException(url.getScheme() + ":// takes none of the HTTP request options"
            + " (-X, -H, -d, -T, -I, -i, -L, -C, -x, -b, -c, -A)");
      }
      provider.fetch(url, options, out, progress);
      return;
    }
    requests.exchange(url, proxies.apply(provider, options, url), spec(resumeFrom), out, progress);
  }

  /** The offset {@code -C} asks for, given the output file (null: standard output). */
  long resumeOffset(Path output) throws LocalFileException {
    if (continueAt == null) {
      return -1;
    }
    if (!continueAt.equals("-")) {
      try {
        long offset = Long.parseLong(continueAt);
        if (offset < 0) {
          throw new NumberFormatException();
        }
        return offset;
      } catch (NumberFormatException e) {
        throw new UsageException("-C takes an offset or '-': " + continueAt);
      }
    }
    if (output == null) {
      throw new UsageException("-C - needs -o FILE to know where to resume");
    }
    try {
      return Files.exists(output) ? Files.size(output) : 0;
    } catch (IOException e) {
      throw new LocalFileException("cannot read " + output + ": " + e.getMessage(), e);
    }
  }

  /** The output file opened for appending, for {@code -C}. */
  OutputStream appendTo(Path file) throws LocalFileException {
    try {
      return new java.io.BufferedOutputStream(Files.newOutputStream(file,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), 64 * 1024);
    } catch (IOException e) {
      throw new LocalFileException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private RequestSpec spec(long resumeFrom) throws LocalFileException {
    List<String> lines = new ArrayList<>(headers);
    Path cookiesIn = null;
    if (cookie != null) {
      if (cookie.contains("=") && !Files.exists(Path.of(cookie))) {
        lines.add("Cookie: " + cookie); // curl: a string with '=' is cookies, not a file name
      } else {
        cookiesIn = Path.of(cookie);
      }
    }
    byte[] body = null;
    Path bodyFile = null;
    if (!data.isEmpty()) {
      if (dataBinary != null) {
        throw new UsageException("give -d or --data-binary, not both");
      }
      List<String> parts = new ArrayList<>();
      for (String d : data) {
        parts.add(d.startsWith("@") ? read(Path.of(d.substring(1))).replaceAll("[\r\n]", "") : d);
      }
      body = String.join("&", parts).getBytes(StandardCharsets.UTF_8);
    } else if (dataBinary != null) {
      if (dataBinary.startsWith("@")) {
        bodyFile = readable(Path.of(dataBinary.substring(1)));
      } else {
        body = dataBinary.getBytes(StandardCharsets.UTF_8);
      }
    }
    if (uploadFile != null) {
      readable(uploadFile);
      if (body != null || bodyFile != null) {
        throw new UsageException("give -T or -d/--data-binary, not both");
      }
    }
    if (maxRedirects != null && maxRedirects < 0) {
      throw new UsageException("--max-redirs must not be negative");
    }
    try {
      return new RequestSpec(method, lines, body, bodyFile, uploadFile, head, include, location,
          maxRedirects == null ? 50 : maxRedirects, resumeFrom, cookiesIn, cookieJar, userAgent,
          true);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static Path readable(Path file) throws LocalFileException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new LocalFileException("cannot read " + file + ": no such readable file", null);
    }
    return file;
  }

  private static String read(Path file) throws LocalFileException {
    try {
      return Files.readString(readable(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LocalFileException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

}
