package io.netkit.telnet.internal;

/**
 * The bounds one session enforces on what the server sends (from {@link
 * io.netkit.telnet.TelnetOptions}). Immutable.
 *
 * @param maxSubnegotiation the longest subnegotiation, in bytes
 * @param maxNegotiationsWithoutData negotiation commands in a row without a data byte
 * @param maxExpectBytes the most bytes one expect scans
 */
record TelnetLimits(int maxSubnegotiation, int maxNegotiationsWithoutData, int maxExpectBytes) {}
