package io.netkit.examples.sockets;

/**
 * How the socket examples end on an ordinary failure (nothing listening, a port in use, a bad
 * argument): one line on stderr naming the program, and a non-zero exit, instead of a stack
 * trace. Exit 2 for a bad argument, 1 for anything else.
 */
final class ExampleMain {
  /** The body of a {@code main}. */
  @FunctionalInterface
  interface Body {
    void run() throws Exception;
  }

  private ExampleMain() {}

  /** Runs {@code body}; on failure prints {@code program: message} and exits. */
  static void run(String program, Body body) {
    try {
      body.run();
    } catch (IllegalArgumentException e) {
      System.err.println(program + ": " + e.getMessage());
      System.exit(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      System.err.println(program + ": " + message);
      System.exit(1);
    }
  }
}
