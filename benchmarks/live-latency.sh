#!/usr/bin/env bash
# Live mode's alert latency: `logsentinel run` against an in-process Kafka cluster while `logsentinel simulate --kafka`
# produces a simulated province at --speed times real time. Prints the run's summary (alert latency p50/p95/max,
# deciding event consumed -> alert row stored), the events offered per second and the load average.
# Usage: benchmarks/live-latency.sh [DAYS] [ACCOUNTS] [SPEED] [PARTITIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release cli/LogSentinel.Cli.csproj -v q -nologo >/dev/null
dotnet build -c Release benchmarks/LogSentinel.Benchmarks.csproj -v q -nologo >/dev/null
dotnet benchmarks/bin/Release/net10.0/LogSentinel.Benchmarks.dll live-latency cli/bin/Release/net10.0/logsentinel.dll "$@"
