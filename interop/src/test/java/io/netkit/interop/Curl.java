package io.netkit.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code /usr/bin/curl} as a process, bounded in time, for interop with a real client. */
public final class Curl {
  /** Where Debian puts curl. */
  public static final Path CURL = Path.of("/usr/bin/curl");

  private Curl() {}

  /** The result of one run. */
  public record Result(int exitCode, byte[] body, String stderr) {}

  /** Fails or skips (see {@link RealServers#unavailable}) when curl is not installed. */
  public static void requireCurl() {
    if (!Files.isExecutable(CURL)) {
      RealServers.unavailable(CURL + " is not installed");
    }
  }

  /** Runs {@code curl -sS --max-time 10 <args>} and collects its output (at most 15 s). */
  public static Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CURL.toString(), "-sS", "--max-time", "10"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("curl-out", ".bin");
    Path err = Files.createTempFile("curl-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("curl did not finish within 15 s: " + command);
      }
      return new Result(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
