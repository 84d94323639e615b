using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace LogSentinel.Benchmarks.Parsing;

/// <summary>
/// Shared configuration of the parser benchmarks: a short job (each benchmark runs 10,000 lines per invocation, so
/// few iterations already give tight intervals), allocations, and operations per second, which is lines per second
/// since every operation is one line. Median and minimum are shown because the benchmark machine is shared: the
/// minimum is the figure least disturbed by other work.
/// </summary>
public sealed class ParserBenchmarkConfig : ManualConfig
{
    public ParserBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.OperationsPerSecond);
    }
}
