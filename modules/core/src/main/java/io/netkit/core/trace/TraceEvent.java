package io.netkit.core.trace;

import java.time.Instant;

/**
 * One line of a wire transcript: when, on which connection, which way, and what (already masked,
 * without its line ending; control bytes shown as {@code \xNN}). Immutable.
 *
 * @param time when the line was complete
 * @param connection a short name of the connection, e.g. {@code "ftp#3 127.0.0.1:21"}
 * @param direction sent, received, or a note
 * @param text the line
 */
public record TraceEvent(Instant time, String connection, Direction direction, String text) {}
