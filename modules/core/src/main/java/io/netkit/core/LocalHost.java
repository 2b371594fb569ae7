package io.netkit.core;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This machine's own name, as the socket API's {@code gethostname()} gives it. */
public final class LocalHost {
  private LocalHost() {}

  /**
   * The host's name. Uses the JDK's view of the local host, falling back to the
   * {@code HOSTNAME} environment variable and finally {@code "localhost"} when the name does not
   * resolve (as happens on machines with no entry for themselves in {@code /etc/hosts}).
   */
  public static String name() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unresolvable) {
      // The message of this exception starts with the host name itself: "vm: Name or service..."
      String message = unresolvable.getMessage();
      if (message != null && message.indexOf(':') > 0) {
        return message.substring(0, message.indexOf(':'));
      }
      String env = System.getenv("HOSTNAME");
      return env != null && !env.isBlank() ? env : "localhost";
    }
  }
}
