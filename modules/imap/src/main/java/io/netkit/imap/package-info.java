/**
 * IMAP4rev1 for netkit: {@link io.netkit.imap.ImapClient} in the uniform {@link
 * io.netkit.core.NetClient} shape, its requests ({@link io.netkit.imap.ImapRequest}), answers
 * ({@link io.netkit.imap.ImapAnswer}) and values (folders, counts, envelopes, body structure,
 * changes), {@link io.netkit.imap.SearchTerm} for UID SEARCH, {@link io.netkit.imap.ImapOptions}
 * for the IMAP-specific bounds, and {@link io.netkit.imap.ImapUrl} for RFC 5092 URLs. The engine
 * (Eclipse Angus) stays in {@code io.netkit.imap.internal}.
 */
package io.netkit.imap;
