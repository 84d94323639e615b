#!/usr/bin/env bash
# `logsentinel replay` end to end on a simulated province: parse, detect (every detector), store events and
# alerts, checkpoint detection state. Prints the replay's own summary with its time breakdown, three runs, each
# into a fresh data directory, with the load average before each.
# Usage: benchmarks/replay-with-detection.sh [DAYS] [ACCOUNTS] [extra replay arguments, e.g. -s Replay:CheckpointInterval=00:10:00]
set -euo pipefail
cd "$(dirname "$0")/.."
days=${1:-30}
accounts=${2:-2000}
shift $(( $# < 2 ? $# : 2 ))
work=$(mktemp -d /tmp/logsentinel-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release cli/LogSentinel.Cli.csproj -v q -nologo >/dev/null
ls=(dotnet cli/bin/Release/net10.0/logsentinel.dll)

echo "Simulating $days days x $accounts accounts ..."
"${ls[@]}" simulate --days "$days" --accounts "$accounts" --out "$work/sim" | tail -n 1
for run in 1 2 3; do
  rm -rf "$work/data"
  echo "run $run, $(uptime | sed 's/.*load/load/')"
  "${ls[@]}" replay --data-dir "$work/data" "$@" \
    --accounts "$work/sim/accounts.csv" --networks "$work/sim/networks.csv" --delegations "$work/sim/delegations.csv" \
    "$work/sim/gateway.jsonl" "$work/sim/app.jsonl" | grep -E 'Events|Elapsed|parse|detect|wait|store|closed|checkpoint|Alerts'
done
