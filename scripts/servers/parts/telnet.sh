# shellcheck shell=bash
# --- telnet: inetutils-telnetd under inetutils-inetd, sourced by scripts/servers.sh -----------
#   server  port   what
#   telnet  17023  telnetd -h -E login.sh (a fixed test account, then an echo loop; never a shell)
readonly TELNET_PORT=17023
readonly TELNET_USER=netkit
readonly TELNET_PASS=netkit-telnet-pass
readonly TELNET_DIR=$STATE/telnet
SERVERS+=(telnet)

packages_telnet() { echo inetutils-telnetd inetutils-inetd; }
install_telnet() { :; }

setup_telnet() {
    mkdir -p "$TELNET_DIR"
    render "$TPL/telnet/login.sh.in" "$TELNET_DIR/login.sh" USER="$TELNET_USER" PASS="$TELNET_PASS"
    chmod 755 "$TELNET_DIR/login.sh"
    # Our own inetd.conf (Debian's line for telnetd is commented out, and we do not touch it):
    # one service, bound to 127.0.0.1 only. -h: no host information before the login.
    printf '%s:%s stream tcp nowait root /usr/sbin/telnetd telnetd -h -E %s\n' \
        "$HOST" "$TELNET_PORT" "$TELNET_DIR/login.sh" >"$TELNET_DIR/inetd.conf"
}

start_telnet() {
    # -d: foreground (and its log on stderr), so spawn can record its pid; its own pid file
    # under the state dir instead of /run/inetd.pid, which a stock inetd might own.
    start_daemon telnet inetutils-inetd "$TELNET_PORT" "$TELNET_DIR/inetd.log" \
        /usr/sbin/inetutils-inetd -d --pidfile="$TELNET_DIR/inetd.pid" "$TELNET_DIR/inetd.conf"
}

stop_telnet() { stop_daemon telnet inetutils-inetd; }
status_telnet() { status_line telnet inetutils-inetd "$TELNET_PORT"; }
env_telnet() {
    printf 'TELNET_HOST=%s\nTELNET_PORT=%s\nTELNET_USER=%s\nTELNET_PASS=%s\n' \
        "$HOST" "$TELNET_PORT" "$TELNET_USER" "$TELNET_PASS"
}
