#!/usr/bin/env bash
# netkit real-server harness: real protocol servers from Debian's packages, for
# the interop tests.
#
#   scripts/servers.sh start [NAME...] | stop | restart | status
#
# Runs as root on Debian 12 (no systemd). `start` installs what is missing,
# renders configs from scripts/servers/ into the state dir, starts every server
# bound to 127.0.0.1 on the fixed high ports below, waits until each port
# accepts connections, and writes $STATE/servers.env for the Java tests.
# `start` is idempotent: a server whose pid is alive and whose port answers is
# left alone; anything else is cleaned up and started afresh. `restart` forces
# a fresh start (use it after changing a template).
#
# State (configs, logs, pids, certificates, data) lives in one directory:
#   NETKIT_SERVERS_DIR, default /tmp/netkit-servers
# It must be an absolute path without spaces, in a directory that the daemon
# users (_gophernicus, netkit) can traverse; the script makes it 0755.
#
# Port table (all on 127.0.0.1 only)
#   server          port   passive range  what
#   gopher          17070  -              gophernicus (inetd-style) behind socat
#   ftp             17021  17100-17199    vsftpd, plain + explicit FTPS (AUTH TLS)
#   ftps-implicit   17990  17200-17299    vsftpd, implicit FTPS
#   ftp-mlsd        17022  17300-17399    pure-ftpd (MLSD/MLST), optional
#
#   (protocols added by scripts/servers/parts/*.sh list their ports there)
#
# To add a server: a file scripts/servers/parts/NAME.sh (sourced in name
# order, after the helpers below) that defines its ports and the functions
# packages_X / install_X / setup_X / start_X / stop_X / status_X / env_X for
# each server X it runs, optionally preinstall_X (runs before the one
# apt-get install, e.g. to preseed debconf), and appends X to SERVERS
# (and to OPTIONAL when it may be missing).

set -euo pipefail

# --- ports ------------------------------------------------------------------
readonly GOPHER_PORT=17070
readonly FTP_PORT=17021
readonly FTP_PASV_MIN=17100 FTP_PASV_MAX=17199
readonly FTPS_IMPLICIT_PORT=17990
readonly FTPS_PASV_MIN=17200 FTPS_PASV_MAX=17299
readonly FTP_MLSD_PORT=17022
readonly FTP_MLSD_PASV_MIN=17300 FTP_MLSD_PASV_MAX=17399

readonly HOST=127.0.0.1
readonly FTP_USER=netkit
readonly FTP_PASS=netkit-pass

# Servers in start order. "optional" ones may fail to install or start without
# failing `start`; their keys are then left out of servers.env.
SERVERS=(gopher ftp ftps_implicit ftp_mlsd)
declare -A OPTIONAL=([ftp_mlsd]=1)

# How long `start` waits for a port before giving up, and `stop` for a pid.
readonly START_TIMEOUT=20
readonly STOP_TIMEOUT=10

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly TPL=$HERE/servers
STATE=$(realpath -m "${NETKIT_SERVERS_DIR:-/tmp/netkit-servers}")
readonly STATE
readonly TLS_DIR=$STATE/tls
readonly CA_PEM=$TLS_DIR/ca.pem
readonly SERVER_CERT=$TLS_DIR/server.pem
readonly SERVER_KEY=$TLS_DIR/server.key
readonly GOPHER_ROOT=$STATE/gopher/root
readonly FTP_HOME=$STATE/ftp/home
# pure-ftpd conflicts with vsftpd as a Debian package (both "ftp-server"), so
# its .deb is unpacked here instead of installed; it is not state, it survives
# `rm -rf $STATE`.
readonly PUREFTPD_PREFIX=/opt/netkit/pure-ftpd
readonly PUREFTPD_BIN=$PUREFTPD_PREFIX/usr/sbin/pure-ftpd

export DEBIAN_FRONTEND=noninteractive

# --- helpers ----------------------------------------------------------------
log() { printf '[servers] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Ask apt at most once per run, and only when something is missing. A stamp
# file rather than a variable, since each server is set up in a subshell.
APT_STAMP=$(mktemp -u "/tmp/netkit-servers-apt.$$.XXXXXX")
apt_update_once() {
    if [[ ! -e $APT_STAMP ]]; then
        log "apt-get update"
        apt-get update -qq >/dev/null || die "apt-get update failed"
        touch "$APT_STAMP"
    fi
}

POLICY_RC=/usr/sbin/policy-rc.d
POLICY_RC_OURS=0
# Packages' maintainer scripts would start the stock daemons on public ports
# (21, 70, ...). policy-rc.d answering 101 forbids that. Keep a pre-existing
# policy-rc.d (Docker-style images ship one) and remove only our own.
policy_rc_on() {
    if [[ ! -e $POLICY_RC ]]; then
        printf '#!/bin/sh\n# netkit servers.sh: no daemon starts during apt-get install\nexit 101\n' >"$POLICY_RC"
        chmod 755 "$POLICY_RC"
        POLICY_RC_OURS=1
    fi
}
policy_rc_off() {
    if [[ $POLICY_RC_OURS == 1 ]]; then
        rm -f "$POLICY_RC"
        POLICY_RC_OURS=0
    fi
}
trap 'policy_rc_off; rm -f "$APT_STAMP"' EXIT

pkg_installed() {
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true) == installed ]]
}

# Install the given packages if any of them is missing.
ensure_packages() {
    local missing=() p
    for p in $(printf '%s\n' "$@" | sort -u); do
        pkg_installed "$p" || missing+=("$p")
    done
    [[ ${#missing[@]} == 0 ]] && return 0
    apt_update_once
    log "apt-get install ${missing[*]}"
    policy_rc_on
    local rc=0 aptlog=$STATE/apt-install.log
    # --force-confold: a config file that a preinstall hook wrote (inn.conf) is kept, and dpkg
    # never stops at its "keep or replace?" prompt (there is no stdin in CI).
    apt-get install -y --no-install-recommends \
        -o Dpkg::Options::=--force-confold -o Dpkg::Options::=--force-confdef \
        "${missing[@]}" >"$aptlog" 2>&1 || rc=$?
    policy_rc_off
    if ((rc != 0)); then
        tail -n 30 "$aptlog" >&2
        die "apt-get install failed (full output: $aptlog)"
    fi
}

# Copy $1 to $2 with @KEY@ replaced by the value of each KEY=VALUE argument.
render() {
    local src=$1 dst=$2 kv args=()
    shift 2
    for kv in "$@"; do args+=(-e "s|@${kv%%=*}@|${kv#*=}|g"); done
    sed "${args[@]}" "$src" >"$dst.tmp"
    if grep -q '@[A-Z_]*@' "$dst.tmp"; then
        die "unrendered placeholder in $dst: $(grep -o '@[A-Z_]*@' "$dst.tmp" | head -1)"
    fi
    mv "$dst.tmp" "$dst"
}

port_open() {
    timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

# Alive = the process exists and is not a zombie (PID 1 may reap late).
pid_alive() {
    local pid=$1 state
    [[ -r /proc/$pid/stat ]] || return 1
    state=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1) || return 1
    [[ -n $state && $state != Z ]]
}

# The pid recorded for server $1, if that process is alive and still is the
# daemon we started ($2 = expected /proc/PID/comm), not a reused pid.
running_pid() {
    local pidfile=$STATE/run/$1.pid pid
    [[ -s $pidfile ]] || return 1
    pid=$(<"$pidfile")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    pid_alive "$pid" || return 1
    [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$2" ]] || return 1
    echo "$pid"
}

# spawn NAME LOGFILE CMD...: run CMD detached in its own session (so it
# outlives this script and CI's shell, and `stop` can kill its process group),
# with stdio off the caller's terminal or pipe. The pid is written by the
# child itself before exec, so it is the daemon's pid whatever setsid does.
# STDIN_TO_LOG=1: stdin is the log too, opened for writing (vsftpd writes its
# startup errors, "500 OOPS: ...", to fd 0).
spawn() {
    local name=$1 logfile=$2 pidfile=$STATE/run/$1.pid i
    # shellcheck disable=SC2016 # expanded by the child bash, not here
    local wrapper='echo $$ >"$1"; shift; exec "$@"'
    shift 2
    rm -f "$pidfile"
    printf '=== %s starting: %s\n' "$(date -u +%FT%TZ)" "$*" >>"$logfile"
    if [[ ${STDIN_TO_LOG:-0} == 1 ]]; then
        setsid bash -c "$wrapper" _ "$pidfile" "$@" 0>>"$logfile" >>"$logfile" 2>&1 &
    else
        setsid bash -c "$wrapper" _ "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 &
    fi
    for ((i = 0; i < 50; i++)); do
        [[ -s $pidfile ]] && return 0
        sleep 0.1
    done
    die "$name: no pid file after 5 s"
}

# wait_port NAME COMM PORT LOGFILE: bounded wait until PORT accepts
# connections; fail loudly with the daemon's log if it dies or never listens.
wait_port() {
    local name=$1 comm=$2 port=$3 logfile=$4 deadline=$((SECONDS + START_TIMEOUT))
    while ((SECONDS < deadline)); do
        if port_open "$port"; then
            log "$name listening on $HOST:$port"
            return 0
        fi
        if ! running_pid "$name" "$comm" >/dev/null; then
            sleep 0.2   # let the last words reach the log
            log "$name exited before listening on port $port; its log ($logfile):"
            tail -n 40 "$logfile" >&2 || true
            return 1
        fi
        sleep 0.2
    done
    log "$name did not listen on port $port within ${START_TIMEOUT}s; its log ($logfile):"
    tail -n 40 "$logfile" >&2 || true
    return 1
}

# Refuse to start when someone else holds our port: a leftover from another
# state dir, or a foreign daemon. Killing it blindly could hit the wrong thing.
require_port_free() {
    local name=$1 port=$2
    if port_open "$port"; then
        log "$name: port $port is already in use by a process this state dir ($STATE) does not know:"
        ss -ltnp "sport = :$port" >&2 || true
        die "$name: stop that process (or use the state dir that started it) and retry"
    fi
}

# stop_daemon NAME COMM: TERM the daemon's process group (its per-connection
# children included), wait for it to vanish or become a zombie, then KILL.
stop_daemon() {
    local name=$1 comm=$2 pidfile=$STATE/run/$1.pid pid deadline
    if pid=$(running_pid "$name" "$comm"); then
        log "stopping $name (pid $pid)"
        kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        deadline=$((SECONDS + STOP_TIMEOUT))
        while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
        if pid_alive "$pid"; then
            log "$name (pid $pid) ignored TERM; sending KILL"
            kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
            deadline=$((SECONDS + STOP_TIMEOUT))
            while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
            pid_alive "$pid" && die "$name (pid $pid) survived KILL"
        fi
        # Stragglers of the group (sessions mid-transfer) must not linger.
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

# start_daemon NAME COMM PORT LOGFILE CMD...: the common start path.
start_daemon() {
    local name=$1 comm=$2 port=$3 logfile=$4
    shift 4
    if running_pid "$name" "$comm" >/dev/null && port_open "$port"; then
        log "$name already running on $HOST:$port"
        return 0
    fi
    stop_daemon "$name" "$comm"
    require_port_free "$name" "$port"
    spawn "$name" "$logfile" "$@"
    wait_port "$name" "$comm" "$port" "$logfile"
}

status_line() {
    local name=$1 comm=$2 port=$3 pid state=down
    pid=$(running_pid "$name" "$comm") || pid=-
    port_open "$port" && state=up
    printf '%-15s %-16s pid %-8s port %s\n' "$name" "$HOST:$port" "$pid" "$state"
    [[ $state == up && $pid != - ]]
}

# --- common: state dir and TLS ------------------------------------------------
setup_state() {
    [[ $STATE == /* && $STATE != *' '* ]] || die "state dir must be an absolute path without spaces: $STATE"
    mkdir -p "$STATE/run" "$TLS_DIR"
    chmod 755 "$STATE"
}

# A small CA and a server certificate for localhost / 127.0.0.1, made once per
# state dir so tests can trust CA_PEM across restarts.
setup_tls() {
    [[ -s $CA_PEM && -s $SERVER_CERT && -s $SERVER_KEY ]] && return 0
    log "creating test CA and server certificate in $TLS_DIR"
    local d=$TLS_DIR
    openssl req -new -newkey rsa:2048 -nodes -keyout "$d/ca.key" -out "$d/ca.csr" \
        -subj '/O=netkit test/CN=netkit test CA' 2>/dev/null
    openssl x509 -req -in "$d/ca.csr" -signkey "$d/ca.key" -days 3650 -sha256 \
        -extfile "$TPL/ca-cert.ext" -extensions ca -out "$d/ca.pem.tmp" 2>/dev/null
    openssl req -new -newkey rsa:2048 -nodes -keyout "$d/server.key.tmp" -out "$d/server.csr" \
        -subj '/O=netkit test/CN=localhost' 2>/dev/null
    openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem.tmp" -CAkey "$d/ca.key" \
        -set_serial "0x$(openssl rand -hex 16)" -days 3650 -sha256 \
        -extfile "$TPL/server-cert.ext" -out "$d/server.pem.tmp" 2>/dev/null
    rm -f "$d/ca.csr" "$d/server.csr"
    chmod 600 "$d/ca.key"
    # Throwaway test key: readable by every daemon, whatever user it drops to.
    chmod 644 "$d/server.key.tmp" "$d/server.pem.tmp" "$d/ca.pem.tmp"
    mv "$d/server.key.tmp" "$SERVER_KEY"
    mv "$d/server.pem.tmp" "$SERVER_CERT"
    mv "$d/ca.pem.tmp" "$CA_PEM"
}

# --- gopher: gophernicus behind socat --------------------------------------------
packages_gopher() { echo gophernicus socat; }
install_gopher() { :; }

# The test tree: static files from scripts/servers/gopher/ plus generated ones.
setup_gopher() {
    mkdir -p "$GOPHER_ROOT" "$STATE/gopher/log"
    cp -r "$TPL/gopher/." "$GOPHER_ROOT/"
    # Generated once per state dir so its checksum is stable across restarts.
    [[ -s $GOPHER_ROOT/data.bin ]] || head -c 1048576 /dev/urandom >"$GOPHER_ROOT/data.bin"
    # A valid 1x1 transparent GIF (43 bytes).
    printf 'GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff\x21\xf9\x04\x01\x00\x00\x00\x00\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b' \
        >"$GOPHER_ROOT/pic.gif"
    # gophernicus only serves world-readable files.
    chmod -R u+rwX,go+rX,go-w "$STATE/gopher"
    touch "$STATE/gopher/log/access.log"
    chown _gophernicus: "$STATE/gopher/log" "$STATE/gopher/log/access.log"
}

start_gopher() {
    # gophernicus refuses to run as root, so the whole listener runs as its
    # user (17070 needs no privilege). nofork hands the accepted socket itself
    # to gophernicus as stdin/stdout, as inetd would.
    # Flags: -h/-p are what menus advertise; -nv no virtual hosts; -nm no shared
    # memory (no hit/byte throttling to trip tests); -ns no syslog (none here);
    # -nx no executable gophermaps; -nu no ~user spaces; -nf no footer and -nd
    # no dates/sizes, so generated menus are deterministic.
    local gophernicus="/usr/sbin/gophernicus -h $HOST -p $GOPHER_PORT -r $GOPHER_ROOT"
    gophernicus+=" -nv -nm -ns -nx -nu -nf -nd -l $STATE/gopher/log/access.log"
    start_daemon gopher socat "$GOPHER_PORT" "$STATE/gopher/log/socat.log" \
        setpriv --reuid=_gophernicus --regid=_gophernicus --clear-groups -- \
        socat TCP-LISTEN:"$GOPHER_PORT",bind="$HOST",fork,reuseaddr,backlog=64 \
        EXEC:"$gophernicus",nofork
}

stop_gopher() { stop_daemon gopher socat; }
status_gopher() { status_line gopher socat "$GOPHER_PORT"; }
env_gopher() {
    printf 'GOPHER_HOST=%s\nGOPHER_PORT=%s\nGOPHER_ROOT=%s\n' "$HOST" "$GOPHER_PORT" "$GOPHER_ROOT"
}

# --- ftp: shared by vsftpd and pure-ftpd ------------------------------------
# The local test user. Its home is in the state dir, so it moves with
# NETKIT_SERVERS_DIR; no login shell (our PAM service does not ask for one).
setup_ftp_user() {
    if ! id "$FTP_USER" >/dev/null 2>&1; then
        log "creating user $FTP_USER"
        useradd --no-create-home --home-dir "$FTP_HOME" --shell /usr/sbin/nologin \
            --user-group --comment 'netkit FTP test user' "$FTP_USER"
    elif [[ $(getent passwd "$FTP_USER" | cut -d: -f6) != "$FTP_HOME" ]]; then
        usermod --home "$FTP_HOME" "$FTP_USER"
    fi
    echo "$FTP_USER:$FTP_PASS" | chpasswd
    mkdir -p "$FTP_HOME"
    [[ -e $FTP_HOME/welcome.txt ]] || printf 'Welcome to the netkit FTP test account.\n' >"$FTP_HOME/welcome.txt"
    chown "$FTP_USER:" "$FTP_HOME" "$FTP_HOME/welcome.txt"
    chmod 755 "$FTP_HOME"
    chmod 755 "$STATE/ftp"
}

# --- ftp: vsftpd, plain + explicit TLS --------------------------------------
packages_ftp() { echo vsftpd openssl; }
install_ftp() { :; }

setup_ftp() {
    mkdir -p "$STATE/ftp/empty"
    chmod 555 "$STATE/ftp/empty"
    setup_ftp_user
    if ! cmp -s "$TPL/pam-netkit-ftp" /etc/pam.d/netkit-ftp; then
        install -m 644 "$TPL/pam-netkit-ftp" /etc/pam.d/netkit-ftp
    fi
}

# render_vsftpd INSTANCE PORT PASV_MIN PASV_MAX IMPLICIT(YES|NO)
render_vsftpd() {
    local conf=$STATE/ftp/$1.conf
    render "$TPL/vsftpd.conf.in" "$conf" \
        INSTANCE="$1" PORT="$2" PASV_MIN="$3" PASV_MAX="$4" IMPLICIT_SSL="$5" \
        EMPTY_DIR="$STATE/ftp/empty" CERT="$SERVER_CERT" KEY="$SERVER_KEY" \
        LOG="$STATE/ftp/$1.log"
    # vsftpd insists that its config file belongs to the user running it.
    chown root: "$conf"
    chmod 644 "$conf"
}

start_ftp() {
    render_vsftpd ftp "$FTP_PORT" "$FTP_PASV_MIN" "$FTP_PASV_MAX" NO
    STDIN_TO_LOG=1 start_daemon ftp vsftpd "$FTP_PORT" "$STATE/ftp/ftp.stderr.log" \
        /usr/sbin/vsftpd "$STATE/ftp/ftp.conf"
}
stop_ftp() { stop_daemon ftp vsftpd; }
status_ftp() { status_line ftp vsftpd "$FTP_PORT"; }
env_ftp() {
    printf 'FTP_HOST=%s\nFTP_PORT=%s\nFTP_USER=%s\nFTP_PASS=%s\nFTP_HOME=%s\n' \
        "$HOST" "$FTP_PORT" "$FTP_USER" "$FTP_PASS" "$FTP_HOME"
}

# --- ftps_implicit: a second vsftpd, TLS from the first byte -----------------
packages_ftps_implicit() { packages_ftp; }
install_ftps_implicit() { install_ftp; }
setup_ftps_implicit() { setup_ftp; }
start_ftps_implicit() {
    render_vsftpd ftps_implicit "$FTPS_IMPLICIT_PORT" "$FTPS_PASV_MIN" "$FTPS_PASV_MAX" YES
    STDIN_TO_LOG=1 start_daemon ftps_implicit vsftpd "$FTPS_IMPLICIT_PORT" "$STATE/ftp/ftps_implicit.stderr.log" \
        /usr/sbin/vsftpd "$STATE/ftp/ftps_implicit.conf"
}
stop_ftps_implicit() { stop_daemon ftps_implicit vsftpd; }
status_ftps_implicit() { status_line ftps_implicit vsftpd "$FTPS_IMPLICIT_PORT"; }
env_ftps_implicit() { printf 'FTPS_IMPLICIT_PORT=%s\n' "$FTPS_IMPLICIT_PORT"; }

# --- ftp_mlsd: pure-ftpd, for MLSD/MLST (vsftpd has neither) ------------------
# Debian's pure-ftpd cannot be installed next to vsftpd (both provide
# ftp-server and conflict), so its .deb is fetched with `apt-get download` and
# unpacked under $PUREFTPD_PREFIX. Its libraries (the .deb's Depends, less the
# inetd it does not need here) are installed as ordinary packages.
packages_ftp_mlsd() { echo libcap2 libcrypt1 libpam0g libsodium23 libssl3; }
install_ftp_mlsd() {
    [[ -x $PUREFTPD_BIN ]] && return 0
    log "fetching pure-ftpd's .deb into $PUREFTPD_PREFIX"
    local tmp
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    # apt's download sandbox user must be able to write there.
    chown _apt "$tmp" 2>/dev/null || true
    if ! (cd "$tmp" && apt-get download -qq pure-ftpd >/dev/null 2>&1); then
        apt_update_once
        (cd "$tmp" && apt-get download -qq pure-ftpd >/dev/null)
    fi
    mkdir -p "$PUREFTPD_PREFIX"
    dpkg-deb -x "$tmp"/pure-ftpd_*.deb "$PUREFTPD_PREFIX"
    rm -rf "$tmp"
    [[ -x $PUREFTPD_BIN ]]
}

setup_ftp_mlsd() {
    setup_ftp_user
    mkdir -p "$STATE/pureftpd"
    # pure-ftpd's "unix" login insists on a shell from /etc/shells, so the test
    # user logs in as a virtual (PureDB) user instead, mapped onto the system
    # user netkit and its home (-d: chrooted there, like vsftpd). Rebuilt every
    # start: cheap, and follows a moved home. The line is written by hand with
    # a SHA-512 crypt hash: pure-pw's own argon2id hash costs ~2 s per login.
    # Format: login:hash:uid:gid:gecos:home/./ then 12 empty limit fields.
    local pw=$STATE/pureftpd/pureftpd.passwd
    rm -f "$pw" "$STATE/pureftpd/pureftpd.pdb"
    printf '%s:%s:%s:%s::%s/./::::::::::::\n' "$FTP_USER" \
        "$(openssl passwd -6 "$FTP_PASS")" "$(id -u "$FTP_USER")" \
        "$(id -g "$FTP_USER")" "$FTP_HOME" >"$pw"
    "$PUREFTPD_PREFIX/usr/bin/pure-pw" mkdb "$STATE/pureftpd/pureftpd.pdb" -f "$pw"
    chmod 600 "$pw" "$STATE/pureftpd/pureftpd.pdb"
    # pure-ftpd's privilege-separation user, normally made by pure-ftpd-common.
    if ! id _pure-ftpd >/dev/null 2>&1; then
        useradd --system --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin --user-group _pure-ftpd
    fi
}

start_ftp_mlsd() {
    # -l puredb: the virtual user above; -A chroot everyone; -E no anonymous;
    # -H no reverse DNS; -Y 1 TLS optional (AUTH TLS); -P passive address;
    # -f none: no syslog here.
    start_daemon ftp_mlsd pure-ftpd "$FTP_MLSD_PORT" "$STATE/pureftpd/pure-ftpd.log" \
        "$PUREFTPD_BIN" -S "$HOST,$FTP_MLSD_PORT" \
        -p "$FTP_MLSD_PASV_MIN:$FTP_MLSD_PASV_MAX" -P "$HOST" \
        -l "puredb:$STATE/pureftpd/pureftpd.pdb" -A -E -H -u 1000 -U 133:022 \
        -Y 1 -2 "$SERVER_CERT,$SERVER_KEY" \
        -f none -O "clf:$STATE/pureftpd/transfer.log"
}
stop_ftp_mlsd() { stop_daemon ftp_mlsd pure-ftpd; }
status_ftp_mlsd() { status_line ftp_mlsd pure-ftpd "$FTP_MLSD_PORT"; }
env_ftp_mlsd() { printf 'FTP_MLSD_PORT=%s\n' "$FTP_MLSD_PORT"; }

# --- the other protocols' servers: one file each ------------------------------
for part in "$TPL"/parts/*.sh; do
    [[ -e $part ]] || continue
    # shellcheck source=/dev/null
    source "$part"
done
readonly SERVERS

# --- commands -----------------------------------------------------------------
# servers.env is what the Java tests read: KEY=VALUE, absolute paths, written
# atomically, listing only servers that are up.
write_env() {
    local s env=$STATE/servers.env
    {
        printf '# written by scripts/servers.sh start at %s\n' "$(date -u +%FT%TZ)"
        printf 'SERVERS_DIR=%s\nCA_PEM=%s\nSERVER_CERT_PEM=%s\nSERVER_KEY_PEM=%s\n' \
            "$STATE" "$CA_PEM" "$SERVER_CERT" "$SERVER_KEY"
        for s in "$@"; do "env_$s"; done
    } >"$env.tmp"
    chmod 644 "$env.tmp"
    mv "$env.tmp" "$env"
    log "wrote $env"
}

# start [NAME...]: with names, only those servers are (re)started and the others are left as
# they are; servers.env then lists every server that is up.
cmd_start() {
    local s rc up=() more=() chosen=("$@")
    [[ $EUID == 0 ]] || die "must run as root (installs packages, creates users)"
    setup_state
    if ((${#chosen[@]} == 0)); then
        chosen=("${SERVERS[@]}")
        # Tests must never read a servers.env from an earlier, possibly failed run.
        rm -f "$STATE/servers.env"
    fi
    for s in "${chosen[@]}"; do
        declare -F "start_$s" >/dev/null || die "no server named $s (known: ${SERVERS[*]})"
    done
    for s in "${chosen[@]}"; do
        if declare -F "preinstall_$s" >/dev/null; then "preinstall_$s"; fi
    done
    # One apt-get run for every server: much faster than one per server.
    local pkgs=(openssl util-linux)
    for s in "${chosen[@]}"; do
        read -ra more <<<"$("packages_$s")"
        pkgs+=("${more[@]}")
    done
    ensure_packages "${pkgs[@]}"
    setup_tls
    for s in "${chosen[@]}"; do
        # A subshell outside any `if`/`&&`, so that `set -e` stays in force
        # inside it (bash ignores -e in functions called from a condition).
        set +e
        (
            set -e
            "install_$s"
            "setup_$s"
            "start_$s"
        )
        rc=$?
        set -e
        if ((rc != 0)); then
            if [[ -n ${OPTIONAL[$s]:-} ]]; then
                log "WARNING: optional server $s is not available; its keys are left out of servers.env"
                "stop_$s" || true
            else
                die "$s failed to start (see above)"
            fi
        fi
    done
    for s in "${SERVERS[@]}"; do
        if "status_$s" >/dev/null 2>&1; then up+=("$s"); fi
    done
    write_env "${up[@]}"
}

cmd_stop() {
    local s i
    # Reverse order, so later servers (that may use earlier ones) go first.
    for ((i = ${#SERVERS[@]} - 1; i >= 0; i--)); do
        s=${SERVERS[i]}
        "stop_$s"
    done
    rm -f "$STATE/servers.env"
}

cmd_status() {
    local s rc=0
    # Exit 1 when a required server is down; optional ones only show.
    for s in "${SERVERS[@]}"; do "status_$s" || [[ -n ${OPTIONAL[$s]:-} ]] || rc=1; done
    [[ -s $STATE/servers.env ]] && log "env: $STATE/servers.env"
    return $rc
}

case ${1:-} in
    start) shift; cmd_start "$@" ;;
    stop) cmd_stop ;;
    restart) cmd_stop; cmd_start ;;
    status) cmd_status ;;
    *) echo "usage: $0 start [NAME...]|stop|restart|status" >&2; exit 2 ;;
esac
