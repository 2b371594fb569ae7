#!/usr/bin/env bash
# The benchmarks of issue 17, in one command; writes a Markdown table (median and spread of RUNS
# runs) to bench/results/latest.md and stdout. Not a test: run on demand (see docs/performance.md).
#
#   bench/run.sh [SIZE_MIB] [RUNS] [JMH_SECONDS]     (defaults: 256 MiB, 5 runs, 1-s JMH rounds)
#   BENCH_ONLY="bulk startup jmh" bench/run.sh        (a subset of the sections)
#   BENCH_SMOKE=1 bench/run.sh                        (CI: bulk rows only, 1 MiB, 1 run; ~10 s once built)
#
# Against the real servers of scripts/servers.sh (started if down: only the ones it needs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size_mib="${1:-256}"
runs="${2:-5}"
jmh_seconds="${3:-1}"
only="${BENCH_ONLY:-bulk memory concurrency startup jmh}"
sessions="${BENCH_SESSIONS:-500}"
if [[ -n "${BENCH_SMOKE:-}" ]]; then size_mib=1; runs=1; only="bulk"; fi
work="${NETKIT_BENCH_DIR:-/tmp/netkit-bench}"
mkdir -p "$work" "$root/bench/results"
env_file="${NETKIT_SERVERS_DIR:-/tmp/netkit-servers}/servers.env"

need=()
for probe in "HTTP_PORT http" "FTP_PORT ftp" "GOPHER_PORT gopher" "NNTP_PORT nntp"; do
  set -- $probe
  grep -q "^$1=" "$env_file" 2>/dev/null || need+=("$2")
done
if ((${#need[@]})); then bash "$root/scripts/servers.sh" start "${need[@]}" >/dev/null; fi
# shellcheck disable=SC1090 # KEY=VALUE lines written by servers.sh
source <(grep -v '^#' "$env_file")

# --- build, outside the timed runs; the jars are copied so that another build replacing
# ~/.m2's snapshots mid-run cannot change (or break) what is measured.
echo "building the bench module and the command..." >&2
(cd "$root" && mvn -B -q -o -Pbench -pl bench -am package -DskipTests -Dmaven.source.skip \
  -Dmaven.javadoc.skip >"$work/build.log" 2>&1) || { tail -30 "$work/build.log" >&2; exit 1; }
rm -rf "$work/lib" && mkdir -p "$work/lib"
tr ':' '\n' < "$root/bench/target/classpath.txt" | while read -r jar || [[ -n "$jar" ]]; do
  if [[ -d "$jar" ]]; then cp -r "$jar" "$work/lib/$(basename "$(dirname "$(dirname "$jar")")")-classes"
  else cp "$jar" "$work/lib/"; fi
done
cp "$root/bench/target/netkit-bench-"*.jar "$work/lib/"
cp_bench="$(find "$work/lib" -maxdepth 1 -mindepth 1 | tr '\n' ':')"
"$root/netkit" --version >/dev/null
# The command as users run it: the launcher (C1 + the AppCDS archive it keeps, see ./netkit).
netkit=(env NETKIT_SKIP_REBUILD=1 "$root/netkit")

# --- data: one file per size, hard-linked into the three servers' roots (same bytes everywhere)
big="bench-${size_mib}m.bin"
[[ -f "$work/$big" ]] || head -c "$((size_mib * 1048576))" /dev/urandom > "$work/$big"
[[ -f "$work/bench-1k.bin" ]] || head -c 1024 /dev/urandom > "$work/bench-1k.bin"
[[ -f "$work/bench-16m.bin" ]] || head -c $((16 * 1048576)) /dev/urandom > "$work/bench-16m.bin"
chmod 644 "$work"/bench-*.bin
for dir in "$HTTP_ROOT" "$FTP_HOME" "$GOPHER_ROOT"; do
  for f in "$big" bench-1k.bin bench-16m.bin; do
    ln -f "$work/$f" "$dir/$f" 2>/dev/null || cp "$work/$f" "$dir/$f"
  done
done
sha="$(sha256sum < "$work/$big" | cut -d' ' -f1)"

out="$root/bench/results/latest.md"
: > "$out"
say() { echo "$*" | tee -a "$out"; }

# median and spread (min-max) of the numbers on stdin
stats() { sort -g | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
  printf "%.3f %.3f %.3f\n", m, a[1], a[NR] }'; }

# wall seconds and peak RSS (MiB) of one command, its stdout to $2
timed() { # label-ignored, output, command...
  local o="$2"; shift 2
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$o"
  awk '{ printf "%s %.1f\n", $1, $2 / 1024 }' "$work/time.txt"
}

say "# netkit benchmarks ($(date -u +%Y-%m-%dT%H:%MZ))"
say ""
say "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ { print $2 }') GiB,"
say "kernel $(uname -r), load average at start $(cut -d' ' -f1-3 /proc/loadavg) (shared with other builds: noisy)."
say "JDK: $(java -version 2>&1 | sed -n 2p). curl: $(curl --version | head -1 | cut -d' ' -f1-2)."
say "Servers (Debian packages): $(for p in nginx vsftpd gophernicus inn2; do printf '%s %s, ' "$p" "$(dpkg-query -W -f '${Version}' "$p" 2>/dev/null || echo '?')"; done | sed 's/, $//')."
say "Size: $size_mib MiB, $runs runs per row; figures are median [min-max]."
say ""

urls_http="http://$HTTP_HOST:$HTTP_PORT/$big"
urls_ftp="ftp://$FTP_USER:$FTP_PASS@$FTP_HOST:$FTP_PORT/$big"
urls_gopher="gopher://$GOPHER_HOST:$GOPHER_PORT/9/$big"

if [[ " $only " == *" bulk "* ]]; then
  say "## Bulk download of $size_mib MiB (loopback)"
  say ""
  say "| protocol | curl s | \`netkit get\` s (JVM start incl.) | command / curl (target <= 1.3) | raw socket s | engine s | library s | library MiB/s | library / raw throughput (target >= 0.95) |"
  say "|---|---|---|---|---|---|---|---|---|"
  for proto in http ftp gopher; do
    url_var="urls_$proto"; url="${!url_var}"
    : > "$work/curl.t"; : > "$work/cmd.t"; : > "$work/raw.t"; : > "$work/eng.t"; : > "$work/lib.t"
    for ((i = 1; i <= runs; i++)); do
      rm -f "$work/out.bin"
      timed - /dev/null curl -s -o "$work/out.bin" "$url" | cut -d' ' -f1 >> "$work/curl.t"
      [[ "$(sha256sum < "$work/out.bin" | cut -d' ' -f1)" == "$sha" ]] || { echo "curl $proto: wrong bytes" >&2; exit 1; }
      rm -f "$work/out.bin"
      timed - /dev/null "${netkit[@]}" get -s -o "$work/out.bin" "$url" | cut -d' ' -f1 >> "$work/cmd.t"
      [[ "$(sha256sum < "$work/out.bin" | cut -d' ' -f1)" == "$sha" ]] || { echo "netkit $proto: wrong bytes" >&2; exit 1; }
      for how in raw engine netkit; do
        line="$(java -Xmx64m -cp "$cp_bench" io.netkit.bench.BulkMain "$proto" "$how" "$big")"
        [[ "$(cut -d' ' -f1 <<<"$line")" == "$((size_mib * 1048576))" ]] || { echo "$proto $how: $line" >&2; exit 1; }
        case $how in raw) f=raw.t ;; engine) f=eng.t ;; netkit) f=lib.t ;; esac
        cut -d' ' -f2 <<<"$line" >> "$work/$f"
      done
    done
    read -r c c0 c1 < <(stats < "$work/curl.t"); read -r n n0 n1 < <(stats < "$work/cmd.t")
    read -r r r0 r1 < <(stats < "$work/raw.t"); read -r e e0 e1 < <(stats < "$work/eng.t")
    read -r l l0 l1 < <(stats < "$work/lib.t")
    engine_cell="$e [$e0-$e1]"; [[ $proto == gopher ]] && engine_cell="(netkit is the engine)"
    say "$(awk -v p="$proto" -v c="$c [$c0-$c1]" -v n="$n [$n0-$n1]" -v cr="$c" -v nr="$n" -v r="$r [$r0-$r1]" \
      -v rr="$r" -v e="$engine_cell" -v l="$l [$l0-$l1]" -v lr="$l" -v m="$size_mib" \
      'BEGIN { printf "| %s | %s | %s | %.2f | %s | %s | %s | %.0f | %.2f |", p, c, n, nr / cr, r, e, l, m / lr, rr / lr }')"
  done
  say ""
  say "Library, engine and raw rows run in a fresh \`-Xmx64m\` JVM each, after an untimed 1 KiB fetch (class loading excluded), into a sink that drops the bytes; curl and the command write a file and are checked by SHA-256."
  say ""
fi

if [[ " $only " == *" memory "* ]]; then
  say "## Memory with -Xmx64m (library, streaming into a discarding sink)"
  say ""
  say "| protocol | 16 MiB: peak heap / peak RSS MiB | $size_mib MiB: peak heap / peak RSS MiB | flat? |"
  say "|---|---|---|---|"
  for proto in http ftp gopher; do
    small="$(java -Xmx64m -cp "$cp_bench" io.netkit.bench.BulkMain "$proto" netkit bench-16m.bin)"
    large="$(java -Xmx64m -cp "$cp_bench" io.netkit.bench.BulkMain "$proto" netkit "$big")"
    say "$(awk -v p="$proto" -v s="$small" -v l="$large" 'BEGIN { split(s, a, " "); split(l, b, " ");
      printf "| %s | %s / %s | %s / %s | %s |", p, a[3], a[4], b[3], b[4], (b[4] < a[4] * 1.25 + 8) ? "yes" : "NO" }')"
  done
  say ""
fi

if [[ " $only " == *" concurrency "* ]]; then
  say "## $sessions concurrent sessions in one JVM (testkit servers in the same JVM, one thread and connection each)"
  say ""
  say "| protocol | succeeded | failed | wall s | sessions/s | p50 ms | p99 ms | threads left | fds left |"
  say "|---|---|---|---|---|---|---|---|---|"
  for proto in gopher http smtp; do
    line="$(java -cp "$cp_bench" io.netkit.bench.ConcurrencyMain "$proto" "$sessions" 2>"$work/conc-$proto.err" || true)"
    say "$(awk -v p="$proto" -v l="$line" 'BEGIN { split(l, a, " "); printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |", p, a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8] }')"
    [[ -s "$work/conc-$proto.err" ]] && sed 's/^/    /' "$work/conc-$proto.err" | tail -3 >&2
  done
  say ""
fi

if [[ " $only " == *" startup "* ]]; then
  say "## Start-up (wall s / peak RSS MiB)"
  say ""
  small_url="http://$HTTP_HOST:$HTTP_PORT/bench-1k.bin"
  jar="$root/modules/cli/target/netkit.jar"
  jsa="$work/netkit-cds.jsa"
  rm -f "$jsa"
  java -Xlog:cds=off,cds+dynamic=off -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" get -s -o /dev/null "$small_url" || true
  say "| run | \`--version\` | \`get\` 1 KiB (http) |"
  say "|---|---|---|"
  row() { # label, java options...
    local label="$1"; shift
    : > "$work/v.t"; : > "$work/g.t"; : > "$work/vr.t"; : > "$work/gr.t"
    for ((i = 1; i <= runs; i++)); do
      read -r t m < <(timed - /dev/null java "$@" -jar "$jar" --version); echo "$t" >> "$work/v.t"; echo "$m" >> "$work/vr.t"
      read -r t m < <(timed - /dev/null java "$@" -jar "$jar" get -s "$small_url"); echo "$t" >> "$work/g.t"; echo "$m" >> "$work/gr.t"
    done
    read -r v v0 v1 < <(stats < "$work/v.t"); read -r g g0 g1 < <(stats < "$work/g.t")
    read -r vr _ _ < <(stats < "$work/vr.t"); read -r gr _ _ < <(stats < "$work/gr.t")
    say "| $label | $v [$v0-$v1] / ${vr%.*} | $g [$g0-$g1] / ${gr%.*} |"
  }
  launcher_row() {
    : > "$work/v.t"; : > "$work/g.t"; : > "$work/vr.t"; : > "$work/gr.t"
    "${netkit[@]}" get -s -o /dev/null "$small_url" # the archive as the launcher makes it
    for ((i = 1; i <= runs; i++)); do
      read -r t m < <(timed - /dev/null "${netkit[@]}" --version); echo "$t" >> "$work/v.t"; echo "$m" >> "$work/vr.t"
      read -r t m < <(timed - /dev/null "${netkit[@]}" get -s "$small_url"); echo "$t" >> "$work/g.t"; echo "$m" >> "$work/gr.t"
    done
    read -r v v0 v1 < <(stats < "$work/v.t"); read -r g g0 g1 < <(stats < "$work/g.t")
    read -r vr _ _ < <(stats < "$work/vr.t"); read -r gr _ _ < <(stats < "$work/gr.t")
    say "| ./netkit launcher as shipped (C1 + its AppCDS archive) | $v [$v0-$v1] / ${vr%.*} | $g [$g0-$g1] / ${gr%.*} |"
  }
  : > "$work/cv.t"; : > "$work/cg.t"
  for ((i = 1; i <= runs; i++)); do
    read -r t m < <(timed - /dev/null curl --version); echo "$t $m" >> "$work/cv.t"
    read -r t m < <(timed - /dev/null curl -s "$small_url"); echo "$t $m" >> "$work/cg.t"
  done
  say "| curl | $(cut -d' ' -f1 "$work/cv.t" | stats | awk '{print $1}') / $(cut -d' ' -f2 "$work/cv.t" | stats | awk '{printf "%.0f", $1}') | $(cut -d' ' -f1 "$work/cg.t" | stats | awk '{print $1}') / $(cut -d' ' -f2 "$work/cg.t" | stats | awk '{printf "%.0f", $1}') |"
  row "netkit (default JVM)" -Xshare:auto
  row "netkit -XX:TieredStopAtLevel=1" -XX:TieredStopAtLevel=1
  row "netkit + AppCDS archive" -XX:SharedArchiveFile="$jsa"
  row "netkit + AppCDS + TieredStopAtLevel=1" -XX:SharedArchiveFile="$jsa" -XX:TieredStopAtLevel=1
  launcher_row
  say ""
fi

if [[ " $only " == *" jmh "* ]]; then
  say "## Facade overhead and tracing (JMH, us/op, 1 fork, 3 x ${jmh_seconds} s warm-up, 5 x ${jmh_seconds} s measured)"
  say ""
  java -cp "$cp_bench" org.openjdk.jmh.Main 'io.netkit.bench.(FacadeBench|SmtpBench)' -f 1 -wi 3 -i 5 \
    -w "${jmh_seconds}s" -r "${jmh_seconds}s" -p trace=none,discard -rf csv -rff "$work/jmh.csv" \
    > "$work/jmh.log" 2>&1 || { tail -40 "$work/jmh.log" >&2; exit 1; }
  python3 "$root/bench/jmh-table.py" "$work/jmh.csv" | tee -a "$out"
  say ""
fi
echo "written: $out" >&2
