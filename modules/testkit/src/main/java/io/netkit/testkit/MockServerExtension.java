package io.netkit.testkit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts and stops the test class's {@link MockServer} fields, as GreenMail's and MockWebServer's
 * extensions do: a {@code static} field's server runs for the whole class (started before the
 * first test, stopped after the last, its fault reset to {@link Fault#NONE} before each test); an
 * instance field's server runs for one test. Every field whose declared type is a {@link
 * MockServer} (in the class and its superclasses) is managed, except fields that are null when
 * the phase begins (so a test may keep a reference to a server in a field of its own); a server
 * that is already running is not started again. Servers start on a free loopback port.
 *
 * <pre>
 * &#64;ExtendWith(MockServerExtension.class)
 * class BrowseTest {
 *   static final GopherMockServer gopher = GopherMockServer.of(tree);   // one per class
 *
 *   &#64;Test void readsMenu() throws IOException {
 *     try (GopherClient client = new GopherClient()) {
 *       client.connect(gopher.endpoint());
 *       ...
 *     }
 *   }
 * }
 * </pre>
 */
public final class MockServerExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    for (MockServer server : servers(context.getRequiredTestClass(), null, true)) {
      if (!server.isRunning()) {
        server.start();
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    for (MockServer server : servers(context.getRequiredTestClass(), null, true)) {
      server.stop();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    for (MockServer server : servers(context.getRequiredTestClass(), null, true)) {
      server.fault(Fault.NONE); // a fault set by an earlier test must not leak into this one
    }
    Object instance = context.getRequiredTestInstance();
    for (MockServer server : servers(instance.getClass(), instance, false)) {
      if (!server.isRunning()) {
        server.start();
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Object instance = context.getRequiredTestInstance();
    for (MockServer server : servers(instance.getClass(), instance, false)) {
      server.stop();
    }
  }

  private static List<MockServer> servers(Class<?> type, Object instance, boolean statics) {
    List<MockServer> found = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!MockServer.class.isAssignableFrom(field.getType())
            || Modifier.isStatic(field.getModifiers()) != statics) {
          continue;
        }
        MockServer server = read(field, instance);
        if (server != null) {
          found.add(server);
        }
      }
    }
    return found;
  }

  private static MockServer read(Field field, Object instance) {
    try {
      field.setAccessible(true);
      return (MockServer) field.get(instance);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new ExtensionConfigurationException("cannot read mock server field " + field, e);
    }
  }
}
