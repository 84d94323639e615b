#!/usr/bin/env bash
# Query API latency at ~50M events: simulate a month of a 5,000-account province, replay it (ingest + detection),
# then copy its events 7 times into the 7 preceding months inside the engine (through the rollup views, with new
# event keys) and its alerts up to ~100k, and measure the alert queue and entity timeline over real HTTP.
# Usage: benchmarks/api-latency.sh [WORK_DIR]   (needs `dotnet build cli benchmarks -c Release` first)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/api-bench}
cli="dotnet cli/bin/Release/net10.0/logsentinel.dll"
data="$work/data"
sim="$work/sim"
copies=7
alert_target=100000

[ -f "$sim/app.jsonl.gz" ] || $cli simulate --days 30 --accounts 5000 --gzip --seed 42 --out "$sim"
if [ ! -d "$data" ]; then
  /usr/bin/time -v $cli replay --data-dir "$data" --accounts "$sim/accounts.csv" --networks "$sim/networks.csv" \
    --delegations "$sim/delegations.csv" "$sim/gateway.jsonl.gz" "$sim/app.jsonl.gz"
fi

q() { $cli --data-dir "$data" store query "$1"; }
if [ "$(q "SELECT count() > 0 FROM gateway_events WHERE ts < '2023-12-01' FORMAT TSV")" = "0" ]; then
  for k in $(seq 1 $copies); do
    echo "copy $k of $copies"
    q "INSERT INTO gateway_events (ts, event_key, source, client_ip, method, path, status, latency_ms, bytes_out, user_agent, account, agency, api, request_id, extra)
       SELECT ts - toIntervalDay(30 * $k), bitXor(event_key, $k * 11400714819323198485), source, client_ip, method, path, status, latency_ms, bytes_out,
              user_agent, account, agency, api, request_id, extra
       FROM gateway_events WHERE ts >= '2024-01-01 00:00:00' - toIntervalHour(7)"
    q "INSERT INTO app_events (ts, event_key, source, event, account, agency, client_ip, session_id, request_id, citizen_ref, citizen_province, id_delta, purpose, result, default_password, password_age_days, extra)
       SELECT ts - toIntervalDay(30 * $k), bitXor(event_key, $k * 11400714819323198485), source, event, account, agency, client_ip, session_id, request_id,
              citizen_ref, citizen_province, id_delta, purpose, result, default_password, password_age_days, extra
       FROM app_events WHERE ts >= '2024-01-01 00:00:00' - toIntervalHour(7)"
  done
  n=$(q "SELECT count() FROM alerts FINAL FORMAT TSV")
  extra=$(( (alert_target + n - 1) / n - 1 ))
  echo "alerts: $n replayed, adding $extra shifted copies"
  q "INSERT INTO alerts (id, type, entity_kind, entity, agency, window_start, window_end, score, severity, state, disposition, assignee, explanation, evidence,
                         category_vi, category_en, first_seen, last_seen, occurrences, detected_at, raised_at, updated_at, version)
     SELECT reinterpretAsUUID(sipHash128(toString(id), c.n)), type, entity_kind, entity, agency,
            window_start - toIntervalDay(30 * (c.n % 8)), window_end - toIntervalDay(30 * (c.n % 8)), score, severity, state, disposition, assignee,
            explanation, evidence, category_vi, category_en, first_seen - toIntervalDay(30 * (c.n % 8)), last_seen - toIntervalDay(30 * (c.n % 8)),
            occurrences, detected_at - toIntervalDay(30 * (c.n % 8)), raised_at, updated_at, version
     FROM alerts FINAL CROSS JOIN (SELECT number + 1 AS n FROM numbers($extra)) AS c"
fi
q "SELECT (SELECT count() FROM gateway_events) AS gateway, (SELECT count() FROM app_events) AS app, (SELECT count() FROM alerts FINAL) AS alerts"
uptime
dotnet benchmarks/bin/Release/net10.0/LogSentinel.Benchmarks.dll api-latency --data-dir "$data" --requests 300
uptime
