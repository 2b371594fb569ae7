package io.netkit.interop.smtp;

import io.netkit.core.Endpoint;
import io.netkit.core.NetOptions;
import io.netkit.smtp.Attachment;
import io.netkit.smtp.Content;
import io.netkit.smtp.MailMessage;
import io.netkit.smtp.PreparedMessage;
import io.netkit.smtp.SendResult;
import io.netkit.smtp.SmtpClient;
import java.time.Duration;
import java.util.List;

/**
 * Run in a child JVM with a small heap by {@link SmallHeapSendInteropTest}: sends one large mail
 * to Postfix and prints {@code code queueId maxHeapBytes millis} (connect to QUIT).
 *
 * <p>Arguments: host port recipient kind(attachment|prepared) size marker.
 */
public final class SmallHeapSendChild {
  private SmallHeapSendChild() {}

  public static void main(String[] args) throws Exception {
    Endpoint postfix = Endpoint.of(args[0], Integer.parseInt(args[1]));
    String to = args[2];
    long size = Long.parseLong(args[4]);
    String marker = args[5];
    NetOptions options = NetOptions.builder().readTimeout(Duration.ofSeconds(60)).build();
    SendResult result;
    long start = System.nanoTime();
    try (SmtpClient smtp = new SmtpClient(options)) {
      smtp.connect(postfix);
      if (args[3].equals("attachment")) {
        result =
            smtp.send(
                MailMessage.builder().from("big@example.org").to(to).subject(marker).text("a large attachment")
                    .attach(Attachment.of("big.txt", "application/octet-stream", Content.ofStream(new Generated("", size), size)))
                    .build());
      } else {
        result =
            smtp.send(
                new PreparedMessage(
                    "big@example.org", List.of(to), Content.ofStream(new Generated(SmallHeapSendInteropTest.header(marker, to), size), size)));
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(result.code() + " " + result.queueId().orElse("-") + " " + Runtime.getRuntime().maxMemory() + " " + millis);
  }
}
