#!/usr/bin/env bash
# `logsentinel tune preview` on a simulated province: the world is replayed into a fresh data directory once, then
# the preview reads the last DAYS of stored events back (an hour of both tables at a time) through two fresh engines
# (current and proposed tuning) and prints alerts by type. Three preview runs, with the load average before each;
# the wall clock is the whole process (start-up and opening the store included).
# Usage: benchmarks/tune-preview.sh [DAYS] [ACCOUNTS] [PREVIEW_DAYS]
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-7}
accounts=${2:-2000}
preview_days=${3:-$days}
work=$(mktemp -d /tmp/logsentinel-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release cli/LogSentinel.Cli.csproj -v q -nologo >/dev/null
ls=(dotnet cli/bin/Release/net10.0/logsentinel.dll)

echo "Simulating $days days x $accounts accounts and replaying them ..."
"${ls[@]}" simulate --days "$days" --accounts "$accounts" --out "$work/sim" | tail -n 1
"${ls[@]}" replay --data-dir "$work/data" \
  --accounts "$work/sim/accounts.csv" --networks "$work/sim/networks.csv" --delegations "$work/sim/delegations.csv" \
  "$work/sim/gateway.jsonl" "$work/sim/app.jsonl" | grep -E '^│ (Events|Elapsed)'
for run in 1 2 3; do
  echo "preview run $run, $(uptime | sed 's/.*load/load/')"
  start=$(date +%s.%N)
  "${ls[@]}" tune preview --data-dir "$work/data" --days "$preview_days" BruteForce:IpFailures=40 ScriptedBulkLookup:MinLookups=80 2>/dev/null
  echo "elapsed $(echo "$(date +%s.%N) - $start" | bc) s"
done
