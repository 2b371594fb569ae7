# shellcheck shell=bash
# --- nntp: INN (innd + nnrpd), sourced by scripts/servers.sh --------------------------------
#   server  port   what
#   nntp    17119  innd; readers are handed to nnrpd (STARTTLS offered), read + post from 127.0.0.1
#   nntps   17563  nnrpd -D -S: NNTP over implicit TLS, same spool, AUTHINFO as $NNTP_USER required
readonly NNTP_PORT=17119
readonly NNTPS_PORT=17563
readonly NNTP_GROUP=netkit.test
readonly NNTP_DIR=$STATE/nntp
readonly NNTP_INNCONF=$NNTP_DIR/etc/inn.conf
# The test account: the NNTPS nnrpd requires it; on the plain port it may log in after STARTTLS,
# and every 127.0.0.1 client may read and post without it.
readonly NNTP_USER=netkit
readonly NNTP_PASS=netkit-news-pass
SERVERS+=(nntp nntps)
OPTIONAL[nntps]=1

# inn2's postinst fails on a host name without a domain (these machines are `vm`) and dpkg would
# stop at a conffile prompt over an existing /etc/news/inn.conf: put the package's own inn.conf,
# with `domain: localdomain`, in place before installing (servers.sh installs with
# --force-confold, which keeps it). The postinst also runs newaliases, which fails without a
# Postfix main.cf: make a minimal one when there is none (the mail part may write its own first).
preinstall_nntp() {
    pkg_installed inn2 && return 0
    if [[ ! -s /etc/news/inn.conf ]]; then
        local tmp
        tmp=$(mktemp -d)
        chmod 755 "$tmp"
        chown _apt "$tmp" 2>/dev/null || true
        if ! (cd "$tmp" && apt-get download -qq inn2-inews >/dev/null 2>&1); then
            apt_update_once
            (cd "$tmp" && apt-get download -qq inn2-inews >/dev/null)
        fi
        mkdir -p /etc/news
        dpkg-deb --fsys-tarfile "$tmp"/inn2-inews_*.deb | tar -xO ./etc/news/inn.conf \
            | sed -E 's/^#? *domain:.*/domain:                      localdomain/' >/etc/news/inn.conf
        rm -rf "$tmp"
        grep -q '^domain: *localdomain' /etc/news/inn.conf || echo 'domain: localdomain' >>/etc/news/inn.conf
    fi
    if [[ ! -e /etc/postfix/main.cf ]]; then
        mkdir -p /etc/postfix
        printf 'myhostname = localhost.localdomain\nmydestination =\ninet_interfaces = loopback-only\n' \
            >/etc/postfix/main.cf
    fi
}
preinstall_nntps() { preinstall_nntp; }

packages_nntp() { echo inn2 inn2-inews; }
install_nntp() { :; }

as_news() { setpriv --reuid=news --regid=news --clear-groups -- env INNCONF="$NNTP_INNCONF" HOME="$NNTP_DIR" "$@"; }

setup_nntp() {
    mkdir -p "$NNTP_DIR"/{etc,db,run,log,http} \
        "$NNTP_DIR"/spool/{articles,overview,incoming/tmp,outgoing,archive}
    # Every config innd and nnrpd read, from the package, then ours over the few that matter.
    cp -a /etc/news/. "$NNTP_DIR/etc/"
    # nnrpd refuses a TLS key that others can read: a copy for the news user alone.
    mkdir -p "$NNTP_DIR/etc/tls"
    cp "$SERVER_CERT" "$NNTP_DIR/etc/tls/server.pem"
    cp "$SERVER_KEY" "$NNTP_DIR/etc/tls/server.key"
    cp "$CA_PEM" "$NNTP_DIR/etc/tls/ca.pem"
    render "$TPL/nntp/inn.conf.in" "$NNTP_INNCONF" DIR="$NNTP_DIR" PORT="$NNTP_PORT" \
        CERT="$NNTP_DIR/etc/tls/server.pem" KEY="$NNTP_DIR/etc/tls/server.key" CA="$NNTP_DIR/etc/tls/ca.pem"
    printf '%s:%s\n' "$NNTP_USER" "$(openssl passwd -6 "$NNTP_PASS")" >"$NNTP_DIR/etc/nntp.passwd"
    render "$TPL/nntp/readers.conf.in" "$NNTP_DIR/etc/readers.conf" \
        PASSWD="$NNTP_DIR/etc/nntp.passwd" USER="$NNTP_USER"
    render "$TPL/nntp/readers-auth.conf.in" "$NNTP_DIR/etc/readers-auth.conf" \
        PASSWD="$NNTP_DIR/etc/nntp.passwd" USER="$NNTP_USER"
    printf '# no peers: every connection is a reader, handed to nnrpd\n' >"$NNTP_DIR/etc/incoming.conf"
    printf 'ME:!*/!local::\n' >"$NNTP_DIR/etc/newsfeeds"
    printf 'method tradspool {\n    newsgroups: *\n    class: 0\n}\n' >"$NNTP_DIR/etc/storage.conf"
    if [[ ! -s $NNTP_DIR/db/active ]]; then
        printf '%s\n' 'control 0000000000 0000000001 n' 'control.cancel 0000000000 0000000001 n' \
            'junk 0000000000 0000000001 n' "$NNTP_GROUP 0000000000 0000000001 y" \
            'netkit.empty 0000000000 0000000001 y' >"$NNTP_DIR/db/active"
        local now
        now=$(date +%s)
        printf '%s\n' "control $now seed" "control.cancel $now seed" "junk $now seed" \
            "$NNTP_GROUP $now seed" "netkit.empty $now seed" >"$NNTP_DIR/db/active.times"
        printf '%s\t%s\n' "$NNTP_GROUP" 'netkit interop test group' 'netkit.empty' 'always empty' \
            >"$NNTP_DIR/db/newsgroups"
        rm -f "$NNTP_DIR/db/history"*
        touch "$NNTP_DIR/db/history"
    fi
    chown -R news:news "$NNTP_DIR"
    chmod 755 "$NNTP_DIR"
    chmod 600 "$NNTP_DIR/etc/tls/server.key" "$NNTP_DIR/etc/nntp.passwd"
    if [[ ! -e $NNTP_DIR/db/history.dir ]]; then
        (cd "$NNTP_DIR/db" && as_news /usr/lib/news/bin/makedbz -i -o)
    fi
}

start_nntp() {
    start_daemon nntp innd "$NNTP_PORT" "$NNTP_DIR/log/innd.stderr.log" \
        setpriv --reuid=news --regid=news --clear-groups -- env INNCONF="$NNTP_INNCONF" HOME="$NNTP_DIR" \
        /usr/lib/news/bin/innd -f
    seed_nntp
}

# Posts the seed articles once per state dir, through nnrpd as any client would (POST over
# the loopback port: inews would spool them silently when it cannot connect).
seed_nntp() {
    [[ -e $NNTP_DIR/seeded ]] && return 0
    # shellcheck source=/dev/null
    source "$TPL/nntp/seed.sh"
    local a
    for a in seed_article_dot seed_article_utf8 seed_article_reply; do
        nntp_post "$a" || { log "nntp: posting the seed article ($a) failed"; return 1; }
    done
    touch "$NNTP_DIR/seeded"
}

# nntp_post FUNCTION: POSTs the article FUNCTION prints (LF lines) to 127.0.0.1:$NNTP_PORT.
nntp_post() {
    local reply fd
    exec {fd}<>"/dev/tcp/$HOST/$NNTP_PORT"
    IFS= read -r -t 10 reply <&"$fd" || { exec {fd}>&-; return 1; }
    printf 'POST\r\n' >&"$fd"
    IFS= read -r -t 10 reply <&"$fd"
    if [[ $reply != 340* ]]; then log "nntp: POST answered: $reply"; exec {fd}>&-; return 1; fi
    { "$1" | sed -e 's/^\./../' -e 's/$/\r/'; printf '.\r\n'; } >&"$fd"
    IFS= read -r -t 10 reply <&"$fd"
    printf 'QUIT\r\n' >&"$fd"
    exec {fd}>&-
    [[ $reply == 240* ]] || { log "nntp: article refused: $reply"; return 1; }
}

stop_nntp() {
    if running_pid nntp innd >/dev/null; then
        as_news /usr/lib/news/bin/ctlinnd -t 5 throttle 'netkit stop' >/dev/null 2>&1 || true
    fi
    stop_daemon nntp innd
}
status_nntp() { status_line nntp innd "$NNTP_PORT"; }
env_nntp() {
    printf 'NNTP_HOST=%s\nNNTP_PORT=%s\nNNTP_GROUP=%s\nNNTP_SPOOL=%s\n' \
        "$HOST" "$NNTP_PORT" "$NNTP_GROUP" "$NNTP_DIR/spool/articles"
}

# nntps: a standalone nnrpd on the same spool, TLS from the first byte (-S), whose own
# readers.conf (-c) admits only the test account (checked by INN's ckpasswd against a crypt file).
packages_nntps() { packages_nntp; }
install_nntps() { :; }
setup_nntps() { setup_nntp; }
start_nntps() {
    start_daemon nntps nnrpd "$NNTPS_PORT" "$NNTP_DIR/log/nnrpd-tls.stderr.log" \
        setpriv --reuid=news --regid=news --clear-groups -- env INNCONF="$NNTP_INNCONF" HOME="$NNTP_DIR" \
        /usr/lib/news/bin/nnrpd -D -f -S -b 127.0.0.1 -p "$NNTPS_PORT" -c "$NNTP_DIR/etc/readers-auth.conf"
}
stop_nntps() { stop_daemon nntps nnrpd; }
status_nntps() { status_line nntps nnrpd "$NNTPS_PORT"; }
env_nntps() { printf 'NNTPS_PORT=%s\nNNTP_USER=%s\nNNTP_PASS=%s\n' "$NNTPS_PORT" "$NNTP_USER" "$NNTP_PASS"; }
