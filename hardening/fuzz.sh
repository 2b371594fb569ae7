#!/usr/bin/env bash
# Fuzzes every target in this module, one after the other, each for DURATION (default 5m):
#   bash hardening/fuzz.sh [DURATION] [CLASS#METHOD...]
# Needs the modules installed (mvn -B -o -pl hardening -am install -DskipTests). Findings are
# written as crash-* files into the target's seed directory under src/test/resources (git-ignored;
# commit one as a seed once fixed); the generated corpus goes to .cifuzz-corpus/ (git-ignored).
set -uo pipefail
cd "$(dirname "$0")"
duration="${1:-5m}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  # Every @FuzzTest method, as Class#method.
  mapfile -t targets < <(grep -rl '@FuzzTest' src/test/java | while read -r f; do
    cls=$(basename "$f" .java)
    grep -A1 '@FuzzTest' "$f" | grep -oE 'void [a-zA-Z0-9]+' | sed "s/void /$cls#/"
  done)
fi
status=0
for t in "${targets[@]}"; do
  echo "== $t ($duration)"
  # The build's 60 s default test timeout would cut a fuzzing run short: off for these runs.
  if ! JAZZER_FUZZ=1 mvn -B -q -o surefire:test -Dtest="$t" -Djazzer.max_duration="$duration" \
      -Djunit.jupiter.execution.timeout.mode=disabled -Dsurefire.failIfNoSpecifiedTests=false >"target/fuzz-${t//#/-}.log" 2>&1; then
    echo "   FINDING: see target/fuzz-${t//#/-}.log"
    status=1
  else
    grep -hE 'stat::number_of_executed_units|Done [0-9]+ runs' "target/fuzz-${t//#/-}.log" | tail -1
  fi
done
exit $status
