package io.netkit.testkit.http;

import io.netkit.core.Credentials;
import io.netkit.core.NetException;
import io.netkit.core.NetOptions;
import io.netkit.core.Netkit;
import io.netkit.core.Protocol;
import io.netkit.core.TransferListener;
import io.netkit.core.spi.ClientProvider;
import io.netkit.core.spi.RequestProvider;
import io.netkit.core.spi.RequestSpec;
import io.netkit.testkit.MockServer;
import io.netkit.testkit.spi.DemoResult;
import io.netkit.testkit.spi.DemoScenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The HTTP demo: a {@code GET} of a served file, a {@code PUT} fetched back and compared, and an
 * XML-RPC call ({@code examples.add(2, 3)} at {@code /RPC2}) through the protocol-neutral request
 * SPI; all with Basic authentication as the demo account, which lets the server store the upload.
 * Written against the core's APIs only.
 */
public final class HttpDemoScenario implements DemoScenario {
  private static final Credentials ACCOUNT = new Credentials("demo", "demo-pw");
  private static final byte[] HELLO =
      "Hello over HTTP from the netkit demo.\n".getBytes(StandardCharsets.UTF_8);

  @Override
  public Protocol protocol() {
    return Protocol.HTTP;
  }

  @Override
  public void prepare(Path root) throws IOException {
    Files.write(root.resolve("hello.txt"), HELLO);
  }

  @Override
  public Optional<Credentials> account() {
    return Optional.of(ACCOUNT);
  }

  @Override
  public DemoResult run(MockServer server, NetOptions options) throws IOException {
    ClientProvider http = Netkit.provider("http");
    URI base = URI.create("http://" + ACCOUNT.user() + ":" + ACCOUNT.password() + "@"
        + server.host() + ":" + server.port() + "/");

    ByteArrayOutputStream got = new ByteArrayOutputStream();
    http.fetch(base.resolve("hello.txt"), options, got, TransferListener.NONE);
    check(Arrays.equals(got.toByteArray(), HELLO), "GET hello.txt returned other bytes");

    byte[] upload = new byte[256 * 1024];
    new Random(13).nextBytes(upload);
    http.store(base.resolve("upload.bin"), options, new ByteArrayInputStream(upload), upload.length,
        TransferListener.NONE);
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    http.fetch(base.resolve("upload.bin"), options, back, TransferListener.NONE);
    check(Arrays.equals(back.toByteArray(), upload), "the PUT file came back different");

    if (!(http instanceof RequestProvider requests)) {
      throw new NetException("the http module cannot make requests with a body");
    }
    byte[] call = ("<?xml version=\"1.0\"?><methodCall><methodName>examples.add</methodName>"
        + "<params><param><value><int>2</int></value></param>"
        + "<param><value><int>3</int></value></param></params></methodCall>")
        .getBytes(StandardCharsets.UTF_8);
    RequestSpec spec = new RequestSpec("POST", List.of("Content-Type: text/xml"), call, null, null,
        false, false, false, 0, -1, null, null, null, true);
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    requests.exchange(base.resolve("RPC2"), options, spec, answer, TransferListener.NONE);
    String xml = answer.toString(StandardCharsets.UTF_8);
    check(xml.contains("<int>5</int>") && !xml.contains("<fault>"),
        "XML-RPC examples.add(2, 3) did not answer 5");

    long bytes = HELLO.length + 2L * upload.length + call.length + answer.size();
    return new DemoResult("GET, PUT 256 KiB and back, XML-RPC add(2,3)=5", bytes);
  }

  private static void check(boolean ok, String what) throws NetException {
    if (!ok) {
      throw new NetException(what);
    }
  }
}
