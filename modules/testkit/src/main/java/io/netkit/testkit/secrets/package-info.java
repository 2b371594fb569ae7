/**
 * Checks that test suites leak no secret: {@link io.netkit.testkit.secrets.SecretsGuard}, a JUnit
 * extension that searches traces, logs, standard output and exceptions for every password and
 * token the tests used (docs/security.md, "What the tests prove").
 */
package io.netkit.testkit.secrets;
