#!/usr/bin/env bash
# What the entity views of migration 11 (first/last seen and hourly activity, chained on the per-minute rollups) add
# to ingest, in engine CPU seconds, which a shared machine's load disturbs far less than wall time: the same
# generated gateway events (2,000 accounts over 120 agencies, in 65,536-row blocks like replay's batches) go into
# two fresh stores (new ones every round), one with every view and one with the entity views dropped. Each run's CPU time minus that of
# an empty query (engine start and stop) is the insert's.
# Usage: benchmarks/entity-views-cost.sh [ROWS] [ROUNDS] [WORK_DIR]   (needs `dotnet build cli -c Release` first)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-2000000}
rounds=${2:-3}
work=${3:-/tmp/entity-views-cost}
cli="dotnet cli/bin/Release/net10.0/logsentinel.dll"

# Fresh stores every round, so no round pays for merging the parts of the one before.
fresh() {
  rm -rf "$work" && mkdir -p "$work"
  for store in with_entity_views rollups_only; do
    $cli --data-dir "$work/$store" store check > /dev/null
  done
  for view in mv_entity_seen_account mv_entity_seen_ip mv_entity_seen_agency \
              mv_entity_activity_1h_account mv_entity_activity_1h_ip mv_entity_activity_1h_agency; do
    $cli --data-dir "$work/rollups_only" store query "DROP VIEW logsentinel.$view" > /dev/null
  done
}

insert="INSERT INTO logsentinel.gateway_events (ts, event_key, source, client_ip, method, path, status, latency_ms, bytes_out, user_agent, account, agency, api, request_id, extra)
  SELECT toDateTime64('2024-01-15 01:00:00', 3, 'UTC') + toIntervalMillisecond(number * 43), sipHash64(number, 7), 'bench',
         toIPv6(concat('10.52.', toString(a % 120), '.', toString(1 + sipHash64(number, 3) % 254))), 'POST', '/api/dancu/v1/tra-cuu',
         if(sipHash64(number, 5) % 100 < 97, 200, 404), 84, 1834, 'Mozilla/5.0', concat('bth.agency', toString(a % 120), '.user', leftPad(toString(a), 4, '0')),
         concat('BTH-AG', leftPad(toString(a % 120), 3, '0')), 'dancu.tra-cuu-cong-dan', concat('req-', toString(number)), ''
  FROM (SELECT number, sipHash64(number, 1) % 2000 AS a FROM numbers($rows))
  SETTINGS max_block_size = 65536, min_insert_block_size_rows = 65536, min_insert_block_size_bytes = 0"

cpu() { /usr/bin/time -f "%U %S" "$@" 2>&1 >/dev/null | tail -1 | awk '{ print $1 + $2 }'; }
uptime
for round in $(seq 1 "$rounds"); do
  fresh
  for store in with_entity_views rollups_only; do
    idle=$(cpu $cli --data-dir "$work/$store" store query "SELECT 1")
    used=$(cpu $cli --data-dir "$work/$store" store query "$insert")
    echo "round $round $store: $(awk -v u="$used" -v i="$idle" -v r="$rows" 'BEGIN { printf "%.2f CPU s for %d rows, %.2f CPU s per million", u - i, r, (u - i) * 1e6 / r }')"
  done
done
uptime
