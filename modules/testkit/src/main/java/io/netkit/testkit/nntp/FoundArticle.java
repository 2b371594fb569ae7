package io.netkit.testkit.nntp;

import io.netkit.testkit.nntp.internal.SpoolArticle;

/** An article a mock-server command selected, with its number in the group (0 by message-id). */
record FoundArticle(long number, SpoolArticle article) {}
