package io.netkit.pop3;

/**
 * What RETR or TOP wrote to the caller's sink: the whole message (or its head), up to but not
 * including the terminating {@code .} line, with {@code ..} unstuffed and line ends as the server
 * sent them. Immutable.
 *
 * @param bytes the number of bytes written
 */
public record Pop3Transfer(long bytes) implements Pop3Reply {}
