package io.netkit.cli;

import io.netkit.cli.internal.Catalog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command in process with captured streams. */
public final class Cli {
  private static final Catalog CATALOG = Catalog.fromClassPath();

  private Cli() {}

  /** The class path's catalog: the protocol modules this build has. */
  public static Catalog catalog() {
    return CATALOG;
  }

  /** What a run printed and returned. */
  public record Result(int code, byte[] stdout, String stderr) {
    public String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out() + "\n--- stderr\n" + stderr;
    }
  }

  /** Runs with no stdin, not interactive. */
  public static Result run(String... args) {
    return run(new ByteArrayInputStream(new byte[0]), false, args);
  }

  /** Runs with the given stdin and terminal flag. */
  public static Result run(InputStream in, boolean interactive, String... args) {
    return run(CATALOG, in, interactive, args);
  }

  /** Runs against a given catalog. */
  public static Result run(Catalog catalog, InputStream in, boolean interactive, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal =
        new Terminal(
            in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            interactive);
    int code = Main.run(args, terminal, catalog);
    return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }
}
