/**
 * Service interfaces through which protocol modules contribute their testkit servers and demo
 * sessions to tools (the {@code netkit serve} and {@code netkit demo} commands), so that those
 * tools never name a protocol. Implementations are found with {@link java.util.ServiceLoader}.
 */
package io.netkit.testkit.spi;
