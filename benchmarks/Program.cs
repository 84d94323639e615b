using BenchmarkDotNet.Running;
using LogSentinel.Benchmarks;

// Run one suite with: dotnet run -c Release --project benchmarks -- --filter '*Insert*'
// End-to-end Kafka ingest (a timed run, not a BenchmarkDotNet suite): dotnet run -c Release --project benchmarks -- kafka-ingest
// Query API latency over an existing data directory: dotnet run -c Release --project benchmarks -- api-latency --data-dir DIR
if (args.Length > 0 && args[0] == "api-latency")
{
    return await LogSentinel.Benchmarks.QueryApi.ApiLatencyRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "kafka-ingest")
{
    return await KafkaIngestRun.RunAsync(args);
}

// Partitioned detect's feed rate over a simulated province's files: dotnet run -c Release --project benchmarks -- partition-feed SIM_DIR [partitions] [chunk]
if (args.Length > 1 && args[0] == "partition-feed")
{
    return await PartitionFeedRun.RunAsync(args);
}

// Live-mode alert latency (processes: logsentinel run + simulate --kafka): benchmarks/live-latency.sh
if (args.Length > 1 && args[0] == "live-latency")
{
    return await LiveLatencyRun.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
