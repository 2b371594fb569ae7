package io.netkit.examples.sockets;

/** Runs an example's main as its own process, for the example tests of every package. */
public final class HelloExamplesTestSupport {
  private HelloExamplesTestSupport() {}

  /** Exit code (as text) and everything printed, stdout and stderr together. */
  public static String[] runMain(Class<?> main, String... args) throws Exception {
    return HelloExamplesTest.runMain(main, args);
  }
}
