#!/usr/bin/env bash
# Lists the Javadoc findings of every library module, module by module, without stopping at the
# first one. Three kinds:
#   warnings      what `mvn package` itself reports (doclint all but "missing"): must be none;
#   undocumented  public types without a Javadoc comment: must be none;
#   terse         public members without a comment or a @param/@return/@throws line: allowed
#                 (one-line comments such as "The port listened on." are the project's style),
#                 counted only.
# Exits 0 when every module builds its Javadoc with no warnings and no undocumented type.
# Usage: scripts/javadoc-warnings.sh [module...]   (default: every library module; offline)
set -uo pipefail
cd "$(dirname "$0")/.."

modules=("$@")
if [[ ${#modules[@]} -eq 0 ]]; then
  modules=(core testkit mail-support gopher ftp smtp pop3 imap http nntp telnet)
fi
pl="$(printf 'modules/%s,' "${modules[@]}")"
log="$(mktemp "${TMPDIR:-/tmp}/netkit-javadoc.XXXXXX")"

# package (not javadoc:javadoc) so that each module sees its reactor dependencies' classes;
# -fae so that one module's failure does not hide the others' findings.
mvn -B -o -ntp -fae -DskipTests -Dmaven.source.skip=true -Dnetkit.javadoc.doclint=all \
  -pl "${pl%,}" package >"$log" 2>&1
build=$?

awk -v modules="${modules[*]}" '
  function isType(file, line,   l, text, n) {
    n = 0; text = ""
    while ((getline l < file) > 0) { if (++n == line) { text = l; break } }
    close(file)
    return text ~ /(^|[ \t])(class|interface|enum|record|@interface)[ \t]/
  }
  match($0, /^\[(WARNING|ERROR)\] (\/[^:]*\/modules\/[^\/]+\/src\/main\/java\/[^:]+):([0-9]+): (warning|error): /) {
    head = substr($0, 1, RLENGTH); message = substr($0, RLENGTH + 1)
    sub(/^\[(WARNING|ERROR)\] /, "", head); sub(/: (warning|error): $/, "", head)
    file = head; sub(/:[0-9]+$/, "", file); line = substr(head, length(file) + 2)
    module = file; sub(/\/src\/main\/java\/.*/, "", module); sub(/.*\/modules\//, "", module)
    where = file; sub(/.*\/src\/main\/java\//, "", where); where = where ":" line
    if (seen[head, message]++) next
    if (message ~ /^no comment$/ && isType(file, line)) {
      undocumented[module]++; details[module] = details[module] "    undocumented type " where "\n"
    } else if (message ~ /^no (comment|@param|@return|@throws|main description|description for)/) {
      terse[module]++
    } else {
      warnings[module]++; details[module] = details[module] "    " where ": " message "\n"
    }
  }
  END {
    n = split(modules, list, " ")
    for (i = 1; i <= n; i++) {
      m = list[i]
      printf "%-14s %4d warnings  %4d undocumented types  %4d terse members\n", m, warnings[m], undocumented[m], terse[m]
      printf "%s", details[m]
      bad += warnings[m] + undocumented[m]
    }
    exit bad > 0
  }' "$log"
findings=$?

if [[ $build -ne 0 ]]; then
  echo "javadoc-warnings: the build failed for some module (a Javadoc error, or a compile error); see $log:" >&2
  grep -E '^\[ERROR\]' "$log" | grep -v '^\[ERROR\] *$' | head -n 20 >&2
  exit 1
fi
rm -f "$log"
exit $findings
