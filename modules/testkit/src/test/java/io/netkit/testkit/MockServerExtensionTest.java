package io.netkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Static fields live for the class, instance fields for one test. */
@ExtendWith(MockServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MockServerExtensionTest {
  static final LineMockServer shared = new LineMockServer();
  final LineMockServer own = new LineMockServer();

  private static int sharedPort;
  private static LineMockServer previousOwn;

  @Test
  @Order(1)
  void bothServersRunDuringATest() {
    assertTrue(shared.isRunning());
    assertTrue(own.isRunning());
    sharedPort = shared.port();
    previousOwn = own;
    shared.fault(Fault.STALL);
  }

  @Test
  @Order(2)
  void staticServerOutlivesATestAndInstanceServerDoesNot() {
    assertEquals(sharedPort, shared.port());
    assertNotSame(previousOwn, own);
    assertFalse(previousOwn.isRunning());
    assertTrue(own.isRunning());
  }

  @Test
  @Order(3)
  void faultOfTheSharedServerIsResetBeforeEachTest() {
    assertEquals(Fault.NONE, shared.fault());
  }
}
