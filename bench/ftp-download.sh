#!/usr/bin/env bash
# Whole-process FTP download throughput on loopback, side by side in one run:
# curl (the reference client) and `netkit get` (JVM start included) against the real vsftpd
# started by scripts/servers.sh. Not a test: run on demand.
#
#   bench/ftp-download.sh [SIZE_MIB] [RUNS]      (defaults: 256 MiB, 3 runs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-256}"
runs="${2:-3}"

bash "$root/scripts/servers.sh" start >/dev/null 2>&1
# shellcheck disable=SC1090 # written by servers.sh: KEY=VALUE lines
source <(grep -v '^#' "${NETKIT_SERVERS_DIR:-/tmp/netkit-servers}/servers.env")

name="bench-${size_mib}m.bin"
file="$FTP_HOME/$name"
if [[ ! -f "$file" ]]; then
  head -c "$((size_mib * 1024 * 1024))" /dev/urandom > "$file"
  chown --reference="$FTP_HOME" "$file"
fi
url="ftp://$FTP_USER:$FTP_PASS@$FTP_HOST:$FTP_PORT/$name"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
expected="$(sha256sum < "$file" | cut -d' ' -f1)"

# Builds the command's jar if it is missing, outside the timed runs.
"$root/netkit" --version >/dev/null

measure() { # label, command...
  local label="$1"; shift
  local best=""
  for ((i = 1; i <= runs; i++)); do
    rm -f "$out"
    local start end
    start=$(date +%s.%N)
    "$@"
    end=$(date +%s.%N)
    [[ "$(sha256sum < "$out" | cut -d' ' -f1)" == "$expected" ]] || { echo "$label: wrong bytes" >&2; exit 1; }
    awk -v l="$label" -v i="$i" -v s="$start" -v e="$end" -v m="$size_mib" \
      'BEGIN { printf "%-8s run %d: %6.2f s  %7.1f MiB/s\n", l, i, e - s, m / (e - s) }'
  done
}

echo "FTP download of $size_mib MiB from vsftpd on $FTP_HOST:$FTP_PORT, $runs runs each"
measure curl curl -s -o "$out" "$url"
measure netkit "$root/netkit" get -s -o "$out" "$url"
