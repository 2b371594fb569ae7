/**
 * The IMAP module's engine room, not a public API: one {@link io.netkit.imap.internal.Session}
 * per connection over Angus's {@code IMAPStore}/{@code IMAPFolder} (subclassed as {@code
 * GuardedStore}/{@code GuardedProtocol} for bounded responses and netkit's STARTTLS policy), the
 * UID commands, the chunked body stream, IDLE, failure mapping, and the SPI providers ({@link
 * io.netkit.imap.internal.ImapClientProvider}, {@link io.netkit.imap.internal.ImapWatchProvider}).
 */
package io.netkit.imap.internal;
