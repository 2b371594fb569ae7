/**
 * The Jakarta Mail (Eclipse Angus) glue that netkit's SMTP, POP3 and IMAP modules share. Not a
 * public API: only netkit's own mail modules use it, and it may change with them.
 *
 * <ul>
 *   <li>{@link io.netkit.mail.internal.MailSessions} builds a {@code jakarta.mail.Session} from
 *       {@link io.netkit.core.NetOptions} in which every socket Angus opens, implicit TLS
 *       included, is one of the core's ({@link io.netkit.core.transport.SocketFactories}), with
 *       timeouts always set, host names checked, STARTTLS as the options' {@link
 *       io.netkit.core.TlsMode} says, Angus's own debug output off, and authentication exchanges
 *       masked in the core's trace.
 *   <li>{@link io.netkit.mail.internal.MailFailures} turns Angus's {@code MessagingException}
 *       family into netkit's typed exceptions, with the server's reply code and text.
 *   <li>{@link io.netkit.mail.internal.ServerReply} parses a reply as Angus keeps it.
 * </ul>
 */
package io.netkit.mail.internal;
