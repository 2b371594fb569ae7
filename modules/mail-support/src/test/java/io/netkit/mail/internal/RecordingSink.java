package io.netkit.mail.internal;

import io.netkit.core.trace.Direction;
import io.netkit.core.trace.TraceEvent;
import io.netkit.core.trace.TraceSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects trace events for assertions. */
final class RecordingSink implements TraceSink {
  final List<TraceEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(TraceEvent event) {
    events.add(event);
  }

  List<String> sent() {
    return events.stream().filter(e -> e.direction() == Direction.SENT).map(TraceEvent::text).toList();
  }

  List<String> received() {
    return events.stream().filter(e -> e.direction() == Direction.RECEIVED).map(TraceEvent::text).toList();
  }

  String all() {
    StringBuilder b = new StringBuilder();
    for (TraceEvent e : events) {
      b.append(e.connection()).append(' ').append(e.direction()).append(' ').append(e.text()).append('\n');
    }
    return b.toString();
  }
}
