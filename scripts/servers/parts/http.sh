# shellcheck shell=bash
# --- http: nginx (HTTP, HTTPS + HTTP/2, WebDAV PUT/DELETE) and tinyproxy, sourced by
# scripts/servers.sh ------------------------------------------------------------------------
#   server  port   what
#   http    17080  nginx: HTTP/1.1; a 256 MiB file, /dav/ (PUT, DELETE), a 301 chain
#           17443  the same over TLS (the script's CA), HTTP/2 via ALPN
#   proxy   17128  tinyproxy: HTTP proxy, CONNECT to 17443 only
readonly HTTP_PORT=17080
readonly HTTPS_PORT=17443
readonly PROXY_PORT=17128
readonly HTTP_DIR=$STATE/http
readonly HTTP_ROOT=$HTTP_DIR/root
readonly HTTP_DAV_PATH=/dav/
readonly HTTP_BIG_SIZE=268435456
readonly PROXY_DIR=$STATE/proxy
SERVERS+=(http proxy)

packages_http() { echo nginx; }
install_http() { :; }

setup_http() {
    mkdir -p "$HTTP_DIR"/{run,log,tmp} "$HTTP_ROOT/dav"
    printf 'Hello from nginx for netkit.\n' >"$HTTP_ROOT/hello.txt"
    # Generated once per state dir (about a second), with its checksum beside it.
    if [[ ! -s $HTTP_ROOT/big.bin || ! -s $HTTP_DIR/big.bin.sha256 ]]; then
        log "http: generating the 256 MiB test file"
        head -c "$HTTP_BIG_SIZE" /dev/urandom >"$HTTP_ROOT/big.bin.tmp"
        mv "$HTTP_ROOT/big.bin.tmp" "$HTTP_ROOT/big.bin"
        sha256sum "$HTTP_ROOT/big.bin" | cut -d' ' -f1 >"$HTTP_DIR/big.bin.sha256"
    fi
    # nginx's workers (www-data) write uploads and temporary bodies.
    chown -R www-data:www-data "$HTTP_ROOT/dav" "$HTTP_DIR/tmp"
    chmod -R u+rwX,go+rX "$HTTP_ROOT"
    render "$TPL/http/nginx.conf.in" "$HTTP_DIR/nginx.conf" DIR="$HTTP_DIR" ROOT="$HTTP_ROOT" \
        HTTP_PORT="$HTTP_PORT" HTTPS_PORT="$HTTPS_PORT" CERT="$SERVER_CERT" KEY="$SERVER_KEY"
}

start_http() {
    # Both ports belong to the one daemon: wait for the second as well.
    start_daemon http nginx "$HTTP_PORT" "$HTTP_DIR/log/nginx.log" \
        /usr/sbin/nginx -c "$HTTP_DIR/nginx.conf" -p "$HTTP_DIR"
    wait_port http nginx "$HTTPS_PORT" "$HTTP_DIR/log/nginx.log"
}

stop_http() { stop_daemon http nginx; }
status_http() {
    status_line http nginx "$HTTP_PORT" && port_open "$HTTPS_PORT"
}
env_http() {
    printf 'HTTP_HOST=%s\nHTTP_PORT=%s\nHTTPS_PORT=%s\nHTTP_ROOT=%s\nHTTP_DAV_PATH=%s\n' \
        "$HOST" "$HTTP_PORT" "$HTTPS_PORT" "$HTTP_ROOT" "$HTTP_DAV_PATH"
    printf 'HTTP_BIG_PATH=/big.bin\nHTTP_BIG_SIZE=%s\nHTTP_BIG_SHA256=%s\n' \
        "$HTTP_BIG_SIZE" "$(cat "$HTTP_DIR/big.bin.sha256")"
}

packages_proxy() { echo tinyproxy; }
install_proxy() { :; }

setup_proxy() {
    mkdir -p "$PROXY_DIR"
    chown nobody:nogroup "$PROXY_DIR"
    render "$TPL/http/tinyproxy.conf.in" "$PROXY_DIR/tinyproxy.conf" DIR="$PROXY_DIR" \
        PORT="$PROXY_PORT" HTTPS_PORT="$HTTPS_PORT"
}

start_proxy() {
    start_daemon proxy tinyproxy "$PROXY_PORT" "$PROXY_DIR/stdout.log" \
        /usr/bin/tinyproxy -d -c "$PROXY_DIR/tinyproxy.conf"
}

stop_proxy() { stop_daemon proxy tinyproxy; }
status_proxy() { status_line proxy tinyproxy "$PROXY_PORT"; }
env_proxy() { printf 'PROXY_HOST=%s\nPROXY_PORT=%s\n' "$HOST" "$PROXY_PORT"; }
