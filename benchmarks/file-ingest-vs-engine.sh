#!/usr/bin/env bash
# File ingest measured side by side with the engine's own loader, in the same run, on the same 1M-line
# gateway-json file and the same table shape: `logsentinel ingest` (parse, pseudonymize, dead-letter, insert)
# against `INSERT INTO gateway_events SELECT ... FROM file(path, JSONEachRow)` in embedded chDB.
# Both are measured into the real table (its three rollup views attached) and into the same table with the
# views dropped. Usage: benchmarks/file-ingest-vs-engine.sh [LINES]
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${1:-1000000}
work=$(mktemp -d /tmp/logsentinel-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release cli/LogSentinel.Cli.csproj -v q -nologo >/dev/null
ls=(dotnet cli/bin/Release/net10.0/logsentinel.dll)

echo "Generating $lines gateway-json lines with the simulator ..."
"${ls[@]}" simulate --days 10 --accounts 3000 --scenarios none --seed 1 --out "$work/sim" >/dev/null
head -n "$lines" "$work/sim/gateway.jsonl" > "$work/gateway.jsonl"
actual=$(wc -l < "$work/gateway.jsonl")

loader_sql="INSERT INTO gateway_events (ts, event_key, source, client_ip, method, path, status, latency_ms, bytes_out, user_agent, account, agency, api, request_id)
SELECT parseDateTime64BestEffort(ts, 3), cityHash64(request_id), 'file', toIPv6(client_ip), method, path, status, latency_ms, bytes_out, user_agent, account, agency, api, request_id
FROM file('$work/gateway.jsonl', JSONEachRow, 'ts String, request_id String, client_ip String, method String, path String, status UInt16, latency_ms Float32, bytes_out UInt64, user_agent String, account String, agency String, api String')"

fresh() { # fresh data dir with the schema; "plain" drops the rollup views
  rm -rf "$1"; "${ls[@]}" store check --data-dir "$1" >/dev/null
  if [ "$2" = plain ]; then
    for view in mv_rollup_account_gateway mv_rollup_ip_gateway mv_rollup_agency_gateway; do
      "${ls[@]}" store query "DROP VIEW $view" --data-dir "$1" >/dev/null
    done
  fi
}
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }

printf '\n%-28s %12s %12s %8s\n' "table shape" "ingest ev/s" "loader ev/s" "ratio"
for shape in with-rollups plain; do
  fresh "$work/a" "${shape/with-rollups/full}"
  ingest_s=$(seconds "${ls[@]}" ingest "$work/gateway.jsonl" --data-dir "$work/a" -s Ingest:BatchMaxLines=100000)
  fresh "$work/b" "${shape/with-rollups/full}"
  loader_s=$(seconds "${ls[@]}" store query "$loader_sql" --data-dir "$work/b")
  awk -v shape="$shape" -v n="$actual" -v i="$ingest_s" -v l="$loader_s" 'BEGIN { printf "%-28s %12.0f %12.0f %8.2f\n", shape, n / i, n / l, l / i }'
done
echo "(load average: $(cut -d' ' -f1-3 /proc/loadavg); times include process start-up of each command)"
