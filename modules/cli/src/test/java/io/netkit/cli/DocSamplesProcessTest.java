package io.netkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The samples in the docs cannot go stale: every {@code console} block marked {@code <!-- checked
 * -->} in {@code docs/*.md} is run, command by command, through {@code ./netkit} as a process in
 * a fresh directory, and what it prints must be what the block shows.
 *
 * <p>How a block reads (see docs/cli.md, "Checked samples"):
 *
 * <ul>
 *   <li>{@code $ command} lines are run with {@code bash -c} (stdout and stderr together, as a
 *       terminal shows them); the lines up to the next {@code $} are their output. {@code
 *       ./netkit} is the launcher at the repository root. A trailing {@code   # comment} (two
 *       spaces or more before it) is not run; {@code # exit N} in it says the command exits N
 *       (else 0).
 *   <li>{@code $ ./netkit serve ... &} starts a server in the background for the rest of the
 *       block; its output line is the URL it prints. {@code --port N} is replaced by a free port
 *       and N by that port in later commands and back in their output, so samples show fixed,
 *       readable ports.
 *   <li>Compared as text, with runs of spaces counting as one (column widths follow the data),
 *       ISO-8601 times, {@code ls -l} dates and durations ({@code 85 ms}, {@code 1.24 s}) as
 *       placeholders; {@code
 *       <!-- checked digits-vary -->} makes every number a placeholder (the demo's ports), and
 *       {@code subset} lets a command print lines the sample leaves out (the demo's rows of
 *       other protocols), the shown ones still in order.
 * </ul>
 *
 * On a mismatch the failure shows the block as it ran, ready to paste into the doc.
 */
class DocSamplesProcessTest {
  private static final Path ROOT =
      Path.of(System.getProperty("basedir", "."), "..", "..").toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("netkit");
  private static final Pattern MARK = Pattern.compile("^<!-- checked( [a-z -]+)? -->$");
  private static final Pattern COMMENT = Pattern.compile("\\s{2,}#(.*)$");
  private static final Pattern EXIT = Pattern.compile("\\bexit (\\d+)\\b");
  private static final Pattern PORT_OPTION = Pattern.compile("--port (\\d+)");
  private static final Pattern URL_PORT = Pattern.compile("://127\\.0\\.0\\.1:(\\d+)/");

  /** One checked block: where it is, its flags, its lines. */
  record Block(Path file, int line, boolean digitsVary, boolean subset, List<String> lines) {
    String where() {
      return ROOT.relativize(file) + ":" + line;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCheckedSampleInTheDocsIsWhatTheCommandPrints() throws IOException {
    List<Block> blocks = new ArrayList<>();
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        blocks.addAll(blocks(doc));
      }
    }
    Path readme = ROOT.resolve("examples/README.md");
    if (Files.exists(readme)) {
      blocks.addAll(blocks(readme));
    }
    assertFalse(blocks.isEmpty(), "docs/cli.md has checked samples");
    return blocks.stream().map(b -> DynamicTest.dynamicTest(b.where(), () -> run(b)));
  }

  static List<Block> blocks(Path doc) throws IOException {
    List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      Matcher mark = MARK.matcher(lines.get(i).strip());
      if (!mark.matches() || !lines.get(i + 1).strip().equals("```console")) {
        continue;
      }
      String flags = mark.group(1) == null ? "" : mark.group(1);
      boolean digitsVary = flags.contains("digits-vary");
      boolean subset = flags.contains("subset");
      List<String> body = new ArrayList<>();
      int j = i + 2;
      while (j < lines.size() && !lines.get(j).strip().equals("```")) {
        body.add(lines.get(j));
        j++;
      }
      blocks.add(new Block(doc, i + 3, digitsVary, subset, body));
      i = j;
    }
    return blocks;
  }

  private static void run(Block block) throws Exception {
    Path dir = Files.createTempDirectory("netkit-doc-sample-");
    Map<String, String> ports = new LinkedHashMap<>(); // documented port -> real port
    List<Process> servers = new ArrayList<>();
    StringBuilder actual = new StringBuilder();
    List<String> mismatches = new ArrayList<>();
    try {
      int i = 0;
      while (i < block.lines().size()) {
        String line = block.lines().get(i++);
        if (!line.startsWith("$ ")) {
          throw new AssertionError(block.where() + ": output before any command: " + line);
        }
        List<String> shown = new ArrayList<>();
        while (i < block.lines().size() && !block.lines().get(i).startsWith("$ ")) {
          shown.add(block.lines().get(i++));
        }
        actual.append(line).append('\n');
        List<String> got = execute(line.substring(2), dir, ports, servers, block);
        got.forEach(out -> actual.append(out).append('\n'));
        List<String> want = normalize(shown, block.digitsVary());
        List<String> have = normalize(got, block.digitsVary());
        if (block.subset() ? !isSubsequence(want, have) : !want.equals(have)) {
          mismatches.add(line);
        }
      }
      assertTrue(
          mismatches.isEmpty(),
          () -> block.where() + ": the output of " + mismatches + " differs from the sample."
              + " As it ran:\n```console\n" + actual + "```");
    } finally {
      for (Process p : servers) {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
      deleteTree(dir);
    }
  }

  /** Runs one command line; returns its output lines with real ports put back as documented. */
  private static List<String> execute(
      String commandLine, Path dir, Map<String, String> ports, List<Process> servers, Block block)
      throws Exception {
    String command = commandLine;
    int expectedExit = 0;
    Matcher comment = COMMENT.matcher(command);
    if (comment.find()) {
      Matcher exit = EXIT.matcher(comment.group(1));
      if (exit.find()) {
        expectedExit = Integer.parseInt(exit.group(1));
      }
      command = command.substring(0, comment.start());
    }
    command = command.strip();
    if (command.startsWith("curl ")) {
      assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
    }
    boolean background = command.endsWith("&");
    if (background) {
      command = command.substring(0, command.length() - 1).strip();
      assertTrue(command.startsWith("./netkit serve"), block.where() + ": only serve runs in the background");
      Matcher port = PORT_OPTION.matcher(command);
      String documented = port.find() ? port.group(1) : null;
      command = port.replaceAll("--port 0");
      Process p = start(toReal(command, ports), dir, false);
      servers.add(p);
      String url = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertTrue(url != null, block.where() + ": serve printed no URL: " + command);
      Matcher real = URL_PORT.matcher(url);
      assertTrue(real.find(), url);
      if (documented != null) {
        ports.put(documented, real.group(1));
      }
      return List.of(toDocumented(url, ports));
    }
    Process p = start(toReal(command, ports), dir, true);
    p.getOutputStream().close();
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> read(p));
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), block.where() + ": did not finish: " + command);
    String text = out.get(10, TimeUnit.SECONDS);
    assertEquals(
        expectedExit, p.exitValue(), () -> block.where() + ": exit code of " + commandLine + "\n" + text);
    return text.lines().map(l -> toDocumented(l, ports)).toList();
  }

  private static Process start(String command, Path dir, boolean mergeErr) throws IOException {
    String shell = command.replaceAll("(^|[\\s;&|(])\\./netkit\\b", "$1" + LAUNCHER);
    ProcessBuilder pb;
    if (mergeErr) {
      pb = new ProcessBuilder("bash", "-c", shell).redirectErrorStream(true);
    } else {
      // A server: exec, so that stopping the process stops the server itself.
      pb = new ProcessBuilder("bash", "-c", "exec " + shell)
          .redirectError(ProcessBuilder.Redirect.DISCARD);
    }
    pb.directory(dir.toFile());
    pb.environment().put("NETKIT_SKIP_REBUILD", "1"); // the jar was just packaged
    return pb.start();
  }

  private static String read(Process p) {
    try {
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String toReal(String text, Map<String, String> ports) {
    for (Map.Entry<String, String> e : ports.entrySet()) {
      text = text.replaceAll("(?<!\\d)" + e.getKey() + "(?!\\d)", e.getValue());
    }
    return text;
  }

  private static String toDocumented(String text, Map<String, String> ports) {
    for (Map.Entry<String, String> e : ports.entrySet()) {
      text = text.replaceAll("(?<!\\d)" + e.getValue() + "(?!\\d)", e.getKey());
    }
    return text;
  }

  /** True when every line of {@code want} is in {@code have}, in order. */
  static boolean isSubsequence(List<String> want, List<String> have) {
    int at = 0;
    for (String line : want) {
      while (at < have.size() && !have.get(at).equals(line)) {
        at++;
      }
      if (at++ >= have.size()) {
        return false;
      }
    }
    return true;
  }

  static List<String> normalize(List<String> lines, boolean digitsVary) {
    return lines.stream()
        .map(l -> l.replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ", "TIME"))
        .map(l -> l.replaceAll("\\b[A-Z][a-z]{2} [ \\d]\\d (\\d\\d:\\d\\d|\\d{4})\\b", "TIME"))
        .map(l -> l.replaceAll("\\b\\d+ ms\\b|\\b\\d+\\.\\d+ s\\b", "DURATION"))
        .map(l -> digitsVary ? l.replaceAll("\\d+", "N") : l)
        .map(l -> l.strip().replaceAll("\\s+", " "))
        .toList();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
