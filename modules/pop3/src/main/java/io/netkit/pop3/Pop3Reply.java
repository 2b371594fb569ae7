package io.netkit.pop3;

/**
 * What a {@link Pop3Request} returns: one of the value types below, each immutable. Which one
 * each request gives is said on the request.
 */
public sealed interface Pop3Reply
    permits MailboxStatus, SizeListing, UidListing, Pop3Transfer, Pop3Ok, Pop3Capabilities {}
