package io.netkit.core.spi;

import io.netkit.core.NetOptions;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * A capability of a {@link ClientProvider} whose listings can say more about each entry at the
 * cost of extra requests (mail: each message's date, sender and subject, read from its header):
 * {@code netkit ls --headers} asks for it. The entries are {@link ListEntry} values as {@link
 * ClientProvider#list} gives, with {@link ListEntry#modified()} set from the details when there
 * is such a time and the details appended to the name. Implementations are thread-safe and
 * stateless.
 */
public interface DetailedLister {
  /**
   * Lists what the URL names with each entry's details.
   *
   * @throws io.netkit.core.NetException when the server refuses or the connection fails
   */
  List<ListEntry> listDetailed(URI url, NetOptions options) throws IOException;
}
