using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;

namespace LogSentinel.Benchmarks;

/// <summary>
/// The shared configuration: memory diagnoser, a throughput column, and a short job so a suite finishes in
/// minutes on a 2-core machine (set LOGSENTINEL_BENCH_FULL=1 for BenchmarkDotNet's default, longer job).
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        var full = Environment.GetEnvironmentVariable("LOGSENTINEL_BENCH_FULL") == "1";
        AddJob(full ? Job.Default : Job.Default.WithWarmupCount(2).WithIterationCount(8));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn());
        WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(40));
    }
}
