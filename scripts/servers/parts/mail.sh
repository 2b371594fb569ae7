# shellcheck shell=bash
# Part of scripts/servers.sh (sourced after its helpers): the mail servers.
#
#   server  port   what
#   mail    17025  Postfix SMTP: STARTTLS offered, AUTH after STARTTLS; no AUTH needed
#                  for mail to the test domain
#           17026  Postfix SMTP: no STARTTLS offered (AUTH offered in plaintext)
#           17587  Postfix submission: STARTTLS required, then AUTH required
#           17465  Postfix SMTPS: implicit TLS, AUTH required
#           17110  Dovecot POP3 (STLS offered)     17995  Dovecot POP3S (implicit TLS)
#           17143  Dovecot IMAP (STARTTLS offered) 17993  Dovecot IMAPS (implicit TLS)
#
# One server name, `mail`, for both daemons, since they only make sense
# together: Postfix delivers the test domain (netkit.test) with virtual(8) into
# the Maildirs that Dovecot serves, and authenticates SMTP AUTH through
# Dovecot's auth socket. Mail for any other domain bounces at once (the error
# transport): nothing leaves the machine.
#
# Users: Dovecot virtual users from a passwd-file (plain passwords, so PLAIN,
# LOGIN, CRAM-MD5 and APOP all work), all mapped onto one system user
# ($MAIL_SYS_USER) that owns every Maildir. Several users, so that protocols'
# destructive tests do not disturb each other:
#   alice (MAIL_USER)  the general mailbox; bob (MAIL_USER2) a second one;
#   carol (POP3_USER)  the POP3 tests' own; dave (IMAP_USER) the IMAP tests' own.
# Login names may be given with or without @netkit.test.
#
# State: $STATE/mail/{dovecot,postfix,log,vmail}; Maildirs are
# $STATE/mail/vmail/USER/Maildir (cur/ new/ tmp/), owned by $MAIL_SYS_USER.

readonly MAIL_HOST=$HOST
readonly SMTP_PORT=17025
readonly SMTP_NOTLS_PORT=17026
readonly SUBMISSION_PORT=17587
readonly SMTPS_PORT=17465
readonly POP3_PORT=17110
readonly POP3S_PORT=17995
readonly IMAP_PORT=17143
readonly IMAPS_PORT=17993

readonly MAIL_DOMAIN=netkit.test
readonly MAIL_SYS_USER=netkit-mail
readonly MAIL_DIR=$STATE/mail
readonly MAIL_VMAIL=$MAIL_DIR/vmail
readonly MAIL_LOG_DIR=$MAIL_DIR/log
readonly DOVECOT_DIR=$MAIL_DIR/dovecot
readonly DOVECOT_BASE=$DOVECOT_DIR/run
readonly DOVECOT_CONF=$DOVECOT_DIR/dovecot.conf
readonly DOVECOT_AUTH_SOCKET=$DOVECOT_BASE/auth-postfix
readonly POSTFIX_DIR=$MAIL_DIR/postfix
readonly POSTFIX_CONF=$POSTFIX_DIR/conf
readonly POSTFIX_QUEUE=$POSTFIX_DIR/spool
readonly POSTFIX_DATA=$POSTFIX_DIR/data

# name password: the virtual users.
readonly MAIL_USERS=(alice:alice-pass bob:bob-pass carol:carol-pass dave:dave-pass)

mail_maildir() { printf '%s/%s/Maildir' "$MAIL_VMAIL" "$1"; }

SERVERS+=(mail)

packages_mail() { echo postfix dovecot-core dovecot-imapd dovecot-pop3d; }

# Postfix asks which kind of mail system this is; "No configuration" leaves
# /etc/postfix alone (we run our own instance). Other packages' maintainer
# scripts (inn2's runs newaliases) fail without any /etc/postfix/main.cf, so a
# harmless one is written when none exists; an existing one is kept.
preinstall_mail() {
    if ! pkg_installed postfix; then
        echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
    fi
    if [[ ! -e /etc/postfix/main.cf ]]; then
        mkdir -p /etc/postfix
        printf '%s\n' '# written by netkit scripts/servers.sh: no system mail here' \
            'myhostname = localhost.localdomain' 'mydestination =' \
            'inet_interfaces = loopback-only' >/etc/postfix/main.cf
    fi
}

install_mail() { :; }

setup_mail() {
    if ! id "$MAIL_SYS_USER" >/dev/null 2>&1; then
        log "creating user $MAIL_SYS_USER"
        useradd --no-create-home --home-dir "$MAIL_VMAIL" --shell /usr/sbin/nologin \
            --user-group --comment 'netkit mail test mailboxes' "$MAIL_SYS_USER"
    fi
    local uid gid u name pass users=$DOVECOT_DIR/users vmailbox=$POSTFIX_CONF/vmailbox
    uid=$(id -u "$MAIL_SYS_USER")
    gid=$(id -g "$MAIL_SYS_USER")
    mkdir -p "$MAIL_DIR" "$MAIL_VMAIL" "$MAIL_LOG_DIR" "$DOVECOT_DIR/state" "$POSTFIX_CONF" \
        "$POSTFIX_QUEUE" "$POSTFIX_DATA"
    chmod 755 "$MAIL_DIR" "$MAIL_LOG_DIR" "$DOVECOT_DIR" "$POSTFIX_DIR" "$POSTFIX_CONF"
    chown "$MAIL_SYS_USER:" "$MAIL_VMAIL"
    chmod 755 "$MAIL_VMAIL"
    # Postfix insists: queue directory owned by root, data directory by postfix.
    chown root: "$POSTFIX_QUEUE"
    chown postfix: "$POSTFIX_DATA"

    : >"$users.tmp"
    : >"$vmailbox.tmp"
    for u in "${MAIL_USERS[@]}"; do
        name=${u%%:*} pass=${u#*:}
        # passwd-file: user:password:uid:gid:gecos:home:shell:extra
        printf '%s:{PLAIN}%s:%s:%s::%s/%s::\n' "$name" "$pass" "$uid" "$gid" "$MAIL_VMAIL" "$name" >>"$users.tmp"
        # virtual(8): a trailing slash means Maildir, relative to virtual_mailbox_base.
        printf '%s@%s %s/Maildir/\n' "$name" "$MAIL_DOMAIN" "$name" >>"$vmailbox.tmp"
        mkdir -p "$(mail_maildir "$name")"/{cur,new,tmp}
        chown -R "$MAIL_SYS_USER:" "$MAIL_VMAIL/$name"
        chmod 755 "$MAIL_VMAIL/$name"
        chmod 775 "$(mail_maildir "$name")" "$(mail_maildir "$name")"/{cur,new,tmp}
    done
    chown root:dovecot "$users.tmp"
    chmod 640 "$users.tmp"
    mv "$users.tmp" "$users"
    chmod 644 "$vmailbox.tmp"
    mv "$vmailbox.tmp" "$vmailbox"

    render "$TPL/mail/dovecot.conf.in" "$DOVECOT_CONF" \
        BASE_DIR="$DOVECOT_BASE" STATE_DIR="$DOVECOT_DIR/state" LOG_DIR="$MAIL_LOG_DIR" \
        CERT="$SERVER_CERT" KEY="$SERVER_KEY" USERS_FILE="$users" UID="$uid" GID="$gid" \
        IMAP_PORT="$IMAP_PORT" IMAPS_PORT="$IMAPS_PORT" POP3_PORT="$POP3_PORT" \
        POP3S_PORT="$POP3S_PORT" AUTH_SOCKET="$DOVECOT_AUTH_SOCKET"
    render "$TPL/mail/main.cf.in" "$POSTFIX_CONF/main.cf" \
        QUEUE_DIR="$POSTFIX_QUEUE" DATA_DIR="$POSTFIX_DATA" LOG_DIR="$MAIL_LOG_DIR" \
        DOMAIN="$MAIL_DOMAIN" VMAIL_DIR="$MAIL_VMAIL" CONF_DIR="$POSTFIX_CONF" \
        UID="$uid" GID="$gid" AUTH_SOCKET="$DOVECOT_AUTH_SOCKET" \
        CERT="$SERVER_CERT" KEY="$SERVER_KEY"
    render "$TPL/mail/master.cf.in" "$POSTFIX_CONF/master.cf" \
        HOST="$HOST" SMTP_PORT="$SMTP_PORT" SMTP_NOTLS_PORT="$SMTP_NOTLS_PORT" \
        SUBMISSION_PORT="$SUBMISSION_PORT" SMTPS_PORT="$SMTPS_PORT"
    chmod 644 "$DOVECOT_CONF" "$POSTFIX_CONF/main.cf" "$POSTFIX_CONF/master.cf"
    touch "$MAIL_LOG_DIR/postfix.log" "$MAIL_LOG_DIR/dovecot.log"
}

# Dovecot stays in the foreground (-F): spawn records its pid. It listens on
# all four ports at once; wait for each.
start_mail_dovecot() {
    local p
    start_daemon mail-dovecot dovecot "$IMAP_PORT" "$MAIL_LOG_DIR/dovecot.stderr.log" \
        /usr/sbin/dovecot -F -c "$DOVECOT_CONF"
    for p in "$IMAPS_PORT" "$POP3_PORT" "$POP3S_PORT"; do
        wait_port mail-dovecot dovecot "$p" "$MAIL_LOG_DIR/dovecot.log"
    done
    # Postfix's smtpd needs the auth socket the moment a client says AUTH.
    local deadline=$((SECONDS + START_TIMEOUT))
    until [[ -S $DOVECOT_AUTH_SOCKET ]]; do
        ((SECONDS < deadline)) || { log "mail-dovecot: no auth socket $DOVECOT_AUTH_SOCKET"; return 1; }
        sleep 0.1
    done
}

# Postfix's master detaches itself (in a session of its own, so stop_daemon's
# kill of its process group takes the smtpd children too); its pid comes from
# the queue's pid/master.pid.
start_mail_postfix() {
    local p pid smtp_ports=("$SMTP_PORT" "$SMTP_NOTLS_PORT" "$SUBMISSION_PORT" "$SMTPS_PORT")
    if running_pid mail-postfix master >/dev/null && port_open "$SMTP_PORT"; then
        log "mail-postfix already running on $HOST:$SMTP_PORT"
        return 0
    fi
    stop_mail_postfix
    for p in "${smtp_ports[@]}"; do require_port_free mail-postfix "$p"; done
    printf '=== %s starting: postfix -c %s start\n' "$(date -u +%FT%TZ)" "$POSTFIX_CONF" \
        >>"$MAIL_LOG_DIR/postfix.stderr.log"
    if ! postfix -c "$POSTFIX_CONF" start >>"$MAIL_LOG_DIR/postfix.stderr.log" 2>&1; then
        log "mail-postfix: postfix start failed; its logs:"
        tail -n 20 "$MAIL_LOG_DIR/postfix.stderr.log" "$MAIL_LOG_DIR/postfix.log" >&2 || true
        return 1
    fi
    local deadline=$((SECONDS + START_TIMEOUT))
    until [[ -s $POSTFIX_QUEUE/pid/master.pid ]]; do
        ((SECONDS < deadline)) || { log "mail-postfix: no $POSTFIX_QUEUE/pid/master.pid"; return 1; }
        sleep 0.1
    done
    pid=$(tr -d ' \n' <"$POSTFIX_QUEUE/pid/master.pid")
    echo "$pid" >"$STATE/run/mail-postfix.pid"
    for p in "${smtp_ports[@]}"; do
        wait_port mail-postfix master "$p" "$MAIL_LOG_DIR/postfix.log"
    done
}

start_mail() {
    start_mail_dovecot
    start_mail_postfix
}

stop_mail_postfix() { stop_daemon mail-postfix master; }
stop_mail() {
    stop_mail_postfix
    stop_daemon mail-dovecot dovecot
}

status_mail() {
    local rc=0 p
    for p in "$SMTP_PORT" "$SMTP_NOTLS_PORT" "$SUBMISSION_PORT" "$SMTPS_PORT"; do
        status_line mail-postfix master "$p" || rc=1
    done
    for p in "$POP3_PORT" "$POP3S_PORT" "$IMAP_PORT" "$IMAPS_PORT"; do
        status_line mail-dovecot dovecot "$p" || rc=1
    done
    return $rc
}

env_mail() {
    local u name pass
    printf 'MAIL_HOST=%s\nMAIL_DOMAIN=%s\n' "$MAIL_HOST" "$MAIL_DOMAIN"
    printf 'SMTP_PORT=%s\nSMTP_NOTLS_PORT=%s\nSUBMISSION_PORT=%s\nSMTPS_PORT=%s\n' \
        "$SMTP_PORT" "$SMTP_NOTLS_PORT" "$SUBMISSION_PORT" "$SMTPS_PORT"
    printf 'POP3_PORT=%s\nPOP3S_PORT=%s\nIMAP_PORT=%s\nIMAPS_PORT=%s\n' \
        "$POP3_PORT" "$POP3S_PORT" "$IMAP_PORT" "$IMAPS_PORT"
    printf 'MAIL_SYS_USER=%s\nMAIL_UID=%s\nMAIL_GID=%s\n' \
        "$MAIL_SYS_USER" "$(id -u "$MAIL_SYS_USER")" "$(id -g "$MAIL_SYS_USER")"
    # KEY prefix for each user, in MAIL_USERS order.
    local prefixes=(MAIL_ MAIL2_ POP3_ IMAP_) i=0
    for u in "${MAIL_USERS[@]}"; do
        name=${u%%:*} pass=${u#*:}
        local k=${prefixes[i]}
        if [[ $k == MAIL_ ]]; then
            printf 'MAIL_USER=%s\nMAIL_PASS=%s\nMAIL_ADDRESS=%s@%s\nMAILDIR=%s\n' \
                "$name" "$pass" "$name" "$MAIL_DOMAIN" "$(mail_maildir "$name")"
        else
            printf '%sUSER=%s\n%sPASS=%s\n%sADDRESS=%s@%s\n%sMAILDIR=%s\n' \
                "$k" "$name" "$k" "$pass" "$k" "$name" "$MAIL_DOMAIN" "$k" "$(mail_maildir "$name")"
        fi
        i=$((i + 1))
    done
}
