package io.netkit.examples.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an example's {@code main} as its own process, the way the examples README runs it ({@code
 * java -cp ... Main args}), with no standard input, and checks how it exits.
 */
final class ExampleProcess {
  private ExampleProcess() {}

  /** Everything the example printed (stdout and stderr together), once it exited as expected. */
  static String run(Class<?> main, int expectedExit, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "example did not finish");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(expectedExit, process.exitValue(), text);
    return text;
  }
}
