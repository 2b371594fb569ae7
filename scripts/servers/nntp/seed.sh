# netkit servers.sh: the seeded articles of the NNTP test group, posted once per state dir.
# Sourced by parts/nntp.sh; each function prints one article for inews -h.
seed_article_dot() {
    printf '%s\n' \
        'From: Netkit Seed <seed@example.com>' \
        'Newsgroups: netkit.test' \
        'Subject: Seed article with dot lines' \
        'Message-ID: <seed-dot@netkit.example.com>' \
        '' \
        'The next line starts with a dot.' \
        '.hidden behind a dot' \
        '..two dots' \
        'The end.'
}
seed_article_utf8() {
    # "Grüße aus netkit ✓" as an RFC 2047 encoded word.
    printf '%s\n' \
        'From: Netkit Seed <seed@example.com>' \
        'Newsgroups: netkit.test' \
        'Subject: =?UTF-8?B?R3LDvMOfZSBhdXMgbmV0a2l0IOKckw==?=' \
        'Message-ID: <seed-utf8@netkit.example.com>' \
        'MIME-Version: 1.0' \
        'Content-Type: text/plain; charset=UTF-8' \
        'Content-Transfer-Encoding: 8bit' \
        '' \
        'Grüße aus netkit ✓'
}
seed_article_reply() {
    printf '%s\n' \
        'From: Netkit Seed <seed@example.com>' \
        'Newsgroups: netkit.test' \
        'Subject: Re: Seed article with dot lines' \
        'Message-ID: <seed-reply@netkit.example.com>' \
        'References: <seed-dot@netkit.example.com>' \
        '' \
        'A reply to the first seed article.'
}
