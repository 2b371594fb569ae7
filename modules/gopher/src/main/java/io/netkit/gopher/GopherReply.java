package io.netkit.gopher;

/**
 * What a {@link GopherRequest} gives back: a {@link GopherMenu} for menus and searches, a {@link
 * GopherTransfer} for text and binary items (whose content went to the request's sink).
 */
public sealed interface GopherReply permits GopherMenu, GopherTransfer {}
