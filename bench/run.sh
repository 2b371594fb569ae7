#!/usr/bin/env bash
# The benchmarks of issue 17, in one command; writes a Markdown table (median and spread of RUNS
# runs) to bench/results/latest.md and stdout. Not a test: run on demand (see docs/performance.md).
#
#   bench/run.sh [SIZE_MIB] [RUNS] [JMH_SECONDS]     (defaults: 256 MiB, 5 runs, 1-s JMH rounds)
#   BENCH_ONLY="bulk startup jmh" bench/run.sh        (a subset of the sections)
#   BENCH_SMOKE=1 bench/run.sh                        (CI: bulk rows only, 1 MiB, 1 run; ~10 s once built)
#   BENCH_ONLY=jmh BENCH_JMH=ImapBench bench/run.sh   (the JMH classes to run, a regex)
#   BENCH_NO_AM=1 bench/run.sh                        (build the bench module alone, against ~/.m2, and
#                                                      use the command's jar as it is: a tree mid-edit)
#   BENCH_CLEAN=1 bench/run.sh                        (also delete the cached SIZE files in $NETKIT_BENCH_DIR)
#
# The mail and news rows: a Dovecot account of the bench's own (netkit-bench, added to the running
# Dovecot's passwd-file for the run and removed after) whose Maildir gets the messages written
# straight into cur/; a testkit NntpMockServer in a JVM of its own serves the same files as a
# directory spool. Everything put under the servers' roots is removed on exit.
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
for probe in "HTTP_PORT http" "FTP_PORT ftp" "GOPHER_PORT gopher" "NNTP_PORT nntp" "IMAP_PORT mail"; do
  set -- $probe
  grep -q "^$1=" "$env_file" 2>/dev/null || need+=("$2")
done
if ((${#need[@]})); then bash "$root/scripts/servers.sh" start "${need[@]}" >/dev/null; fi
# shellcheck disable=SC1090 # KEY=VALUE lines written by servers.sh
source <(grep -v '^#' "$env_file")

# --- build, outside the timed runs; the jars are copied so that another build replacing
# ~/.m2's snapshots mid-run cannot change (or break) what is measured.
echo "building the bench module and the command..." >&2
am=(-am); [[ -n "${BENCH_NO_AM:-}" ]] && am=()
(cd "$root" && mvn -B -q -o -Pbench -pl bench "${am[@]}" package -DskipTests -Dmaven.source.skip \
  -Dmaven.javadoc.skip >"$work/build.log" 2>&1) || { tail -30 "$work/build.log" >&2; exit 1; }
rm -rf "$work/lib" && mkdir -p "$work/lib"
tr ':' '\n' < "$root/bench/target/classpath.txt" | while read -r jar || [[ -n "$jar" ]]; do
  if [[ -d "$jar" ]]; then cp -r "$jar" "$work/lib/$(basename "$(dirname "$(dirname "$jar")")")-classes"
  else cp "$jar" "$work/lib/"; fi
done
cp "$root/bench/target/netkit-bench-"*.jar "$work/lib/"
cp_bench="$(find "$work/lib" -maxdepth 1 -mindepth 1 | tr '\n' ':')"
# (only the bulk and start-up rows run the command: the others need not build it)
if [[ " $only " == *" bulk "* || " $only " == *" startup "* ]]; then
  if [[ -n "${BENCH_NO_AM:-}" ]]; then NETKIT_SKIP_REBUILD=1 "$root/netkit" --version >/dev/null; else "$root/netkit" --version >/dev/null; fi
fi
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

# --- mail and news: messages of about N bytes (base64 lines of random bytes, CRLF), named by
# Subject and Message-ID <NAME@netkit.bench>, cached in $work/mail; see BenchMailbox.java.
servers_dir="${SERVERS_DIR:-${NETKIT_SERVERS_DIR:-/tmp/netkit-servers}}"
users_file="$servers_dir/mail/dovecot/users"
bench_home="$servers_dir/mail/vmail/netkit-bench"
news_dir="$work/news"
news_pid=""
make_message() { # name bytes
  local f="$work/mail/$1" head lines
  [[ -f "$f" ]] && return 0
  mkdir -p "$work/mail"
  head="$(printf 'From: bench@netkit.test\r\nTo: netkit-bench@netkit.test\r\nNewsgroups: netkit.bench\r\nSubject: %s\r\nMessage-ID: <%s@netkit.bench>\r\nDate: Tue, 01 Dec 2026 00:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n' "$1" "$1"; echo x)"
  head="${head%x}"
  lines=$(( ($2 - ${#head}) / 78 ))
  { printf '%s' "$head"; head -c $((lines * 57)) /dev/urandom | base64 -w 76 | sed 's/$/\r/'; } > "$f.tmp"
  mv "$f.tmp" "$f"
}
mail_cleanup() {
  if [[ -n "$news_pid" ]]; then kill "$news_pid" 2>/dev/null || true; wait "$news_pid" 2>/dev/null || true; news_pid=""; fi
  rm -rf "$news_dir" "$bench_home"
  if [[ -f "$users_file" ]] && grep -q '^netkit-bench:' "$users_file"; then
    grep -v '^netkit-bench:' "$users_file" > "$users_file.bench" || true
    chown --reference="$users_file" "$users_file.bench"; chmod --reference="$users_file" "$users_file.bench"
    mv "$users_file.bench" "$users_file"
  fi
}
cleanup() {
  mail_cleanup
  for dir in "$HTTP_ROOT" "$FTP_HOME" "$GOPHER_ROOT"; do rm -f "$dir"/bench-*.bin; done
  if [[ -n "${BENCH_CLEAN:-}" ]]; then rm -rf "$work/mail" "$work"/bench-*.bin; fi
}
trap cleanup EXIT
# The bench account (uid/gid of the mail user, home under vmail) and its INBOX: the messages
# hard-linked (or copied) into cur/ as seen, with their size in the name (Dovecot's S=).
mail_setup() { # names...
  local name n=0 size
  if ! grep -q '^netkit-bench:' "$users_file"; then
    cp -p "$users_file" "$users_file.bench"
    echo "netkit-bench:{PLAIN}netkit-bench-pass:$MAIL_UID:$MAIL_GID::$bench_home::" >> "$users_file.bench"
    mv "$users_file.bench" "$users_file"
  fi
  rm -rf "$bench_home"; mkdir -p "$bench_home/Maildir/"{cur,new,tmp}
  for name in "$@"; do
    n=$((n + 1)); size=$(stat -c %s "$work/mail/$name")
    ln -f "$work/mail/$name" "$bench_home/Maildir/cur/1764547200.M${n}P1.netkit-bench,S=$size:2,S" 2>/dev/null \
      || cp "$work/mail/$name" "$bench_home/Maildir/cur/1764547200.M${n}P1.netkit-bench,S=$size:2,S"
  done
  chown -R "$MAIL_UID:$MAIL_GID" "$bench_home"
}
# The testkit news server on a spool of the same files (group netkit.bench); its JVM holds every
# article in memory, hence its heap. Sets news_port.
news_start() { # names...
  local name biggest=0
  rm -rf "$news_dir"; mkdir -p "$news_dir/netkit.bench"
  for name in "$@"; do
    ln -f "$work/mail/$name" "$news_dir/netkit.bench/$name" 2>/dev/null || cp "$work/mail/$name" "$news_dir/netkit.bench/$name"
    biggest=$(( $(stat -c %s "$work/mail/$name") > biggest ? $(stat -c %s "$work/mail/$name") : biggest ))
  done
  coproc NEWS { exec java -Xmx$(( biggest * 3 / 1048576 + 256 ))m -cp "$cp_bench" io.netkit.bench.NewsSpoolMain "$news_dir" 2>"$work/news.err"; }
  news_pid=$NEWS_PID
  read -r -t 60 news_port <&"${NEWS[0]}" || { cat "$work/news.err" >&2; exit 1; }
}
mail_names=()
if [[ " $only " == *" jmh "* ]]; then make_message bench-4k.eml 4096; mail_names+=(bench-4k.eml); fi
if [[ " $only " == *" memory "* ]]; then
  make_message bench-1k.bin 1024; make_message bench-16m.bin $((16 * 1048576)); make_message "$big" $((size_mib * 1048576))
  mail_names+=(bench-1k.bin bench-16m.bin "$big")
fi
if ((${#mail_names[@]})); then mail_setup "${mail_names[@]}"; fi

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

section_start=$SECONDS
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
      'BEGIN { printf "| %s | %s | %s | %s | %s | %s | %s | %.0f | %.2f |", p, c, n, (cr > 0) ? sprintf("%.2f", nr / cr) : "n/a", r, e, l, m / lr, rr / lr }')"
  done
  say ""
  say "Library, engine and raw rows run in a fresh \`-Xmx64m\` JVM each, after an untimed 1 KiB fetch (class loading excluded), into a sink that drops the bytes; curl and the command write a file and are checked by SHA-256."
  say ""
  echo "section bulk: $((SECONDS - section_start)) s" >&2
fi

section_start=$SECONDS
if [[ " $only " == *" memory "* ]]; then
  say "## Memory with -Xmx64m (library, streaming into a discarding sink)"
  say ""
  say "| protocol | 16 MiB: peak heap / peak RSS MiB | $size_mib MiB: peak heap / peak RSS MiB | flat? |"
  say "|---|---|---|---|"
  news_start bench-1k.bin bench-16m.bin "$big"
  for proto in http ftp gopher pop3 imap nntp; do
    small="$(java -Xmx64m -Dbench.nntp.port="$news_port" -cp "$cp_bench" io.netkit.bench.BulkMain "$proto" netkit bench-16m.bin)"
    large="$(java -Xmx64m -Dbench.nntp.port="$news_port" -cp "$cp_bench" io.netkit.bench.BulkMain "$proto" netkit "$big")"
    # every row moved (at least) the size: the mail files are a few bytes under or over it
    awk -v l="$large" -v m="$size_mib" 'BEGIN { split(l, b, " "); exit !(b[1] >= m * 1048576 * 0.99) }' \
      || { echo "memory $proto: moved too few bytes: $large" >&2; exit 1; }
    say "$(awk -v p="$proto" -v s="$small" -v l="$large" 'BEGIN { split(s, a, " "); split(l, b, " ");
      printf "| %s | %s / %s | %s / %s | %s |", p, a[3], a[4], b[3], b[4], (b[4] < a[4] * 1.25 + 8) ? "yes" : "NO" }')"
  done
  kill "$news_pid" 2>/dev/null || true; wait "$news_pid" 2>/dev/null || true; news_pid=""
  say ""
  say "POP3 RETR and IMAP fetch (BODY.PEEK[]) from Dovecot, NNTP ARTICLE from the testkit news server (its own JVM): messages of about the size, base64 text in CRLF lines, put straight into the bench account's Maildir and the spool directory."
  say ""
  echo "section memory: $((SECONDS - section_start)) s" >&2
fi

section_start=$SECONDS
if [[ " $only " == *" concurrency "* ]]; then
  say "## $sessions concurrent sessions in one JVM (testkit servers in the same JVM, one thread and connection each)"
  say ""
  say "| protocol | succeeded | failed | wall s | sessions/s | p50 ms | p99 ms | threads left | fds left |"
  say "|---|---|---|---|---|---|---|---|---|"
  for proto in gopher http smtp imap; do
    line="$(java -cp "$cp_bench" io.netkit.bench.ConcurrencyMain "$proto" "$sessions" 2>"$work/conc-$proto.err" || true)"
    say "$(awk -v p="$proto" -v l="$line" 'BEGIN { split(l, a, " "); printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |", p, a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8] }')"
    grep -v '^SLF4J:' "$work/conc-$proto.err" | sed 's/^/    /' | tail -3 >&2 || true
  done
  say ""
  echo "section concurrency: $((SECONDS - section_start)) s" >&2
fi

section_start=$SECONDS
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
  echo "section startup: $((SECONDS - section_start)) s" >&2
fi

section_start=$SECONDS
if [[ " $only " == *" jmh "* ]]; then
  say "## Facade overhead and tracing (JMH, us/op, 1 fork, 3 x ${jmh_seconds} s warm-up, 5 x ${jmh_seconds} s measured)"
  say ""
  java -cp "$cp_bench" org.openjdk.jmh.Main "io.netkit.bench.(${BENCH_JMH:-FacadeBench|SmtpBench|ImapBench})" -f 1 -wi 3 -i 5 \
    -w "${jmh_seconds}s" -r "${jmh_seconds}s" -p trace=none,discard -rf csv -rff "$work/jmh.csv" \
    > "$work/jmh.log" 2>&1 || { tail -40 "$work/jmh.log" >&2; exit 1; }
  python3 "$root/bench/jmh-table.py" "$work/jmh.csv" | tee -a "$out"
  say ""
  echo "section jmh: $((SECONDS - section_start)) s" >&2
fi
echo "written: $out" >&2
