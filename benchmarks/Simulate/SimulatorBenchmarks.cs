using BenchmarkDotNet.Attributes;
using LogSentinel.Simulate;
using LogSentinel.Simulate.Output;
using LogSentinel.Simulate.Scenarios;

namespace LogSentinel.Benchmarks.Simulate;

/// <summary>
/// Simulator throughput at the reference size (2,000 staff accounts): one benign working day generated
/// and sorted (baseline), the same day also encoded to UTF-8 lines, and a whole week with every scenario at
/// medium run end to end, on one worker and on two, into a sink that drops the bytes. Divide the lines per
/// operation (printed by the setup) by the mean to get events per second.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class SimulatorBenchmarks
{
    private const int WorkingDay = 2;

    private SimulationOptions _week = null!;
    private DayWorker _worker = null!;
    private string _referenceDir = null!;

    [GlobalSetup]
    public void Setup()
    {
        _week = new SimulationOptions
        {
            Seed = 1,
            Start = new DateOnly(2024, 1, 1),
            Days = 7,
            Accounts = 2000,
            Scenarios = ScenarioSelection.Parse("all"),
        };
        var benign = SimulationPlan.Create(new SimulationOptions { Seed = 1, Start = _week.Start, Days = _week.Days, Accounts = _week.Accounts });
        _worker = new DayWorker(benign.World, benign.Scenarios, GatewayFormat.Json);
        _referenceDir = Path.Combine(Path.GetTempPath(), "logsentinel-bench-" + Guid.NewGuid().ToString("N"));
        var day = _worker.Produce(WorkingDay);
        var week = RunWeekOneWorker().GetAwaiter().GetResult();
        Console.WriteLine($"// lines per op: day {day.GatewayLines + day.AppLines}, week {week}");
        Release(day);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_referenceDir, recursive: true);

    [Benchmark(Baseline = true)]
    public int GenerateDay() => _worker.Fill(WorkingDay).Count;

    [Benchmark]
    public long GenerateAndEncodeDay()
    {
        var output = _worker.Produce(WorkingDay);
        Release(output);
        return output.GatewayLines + output.AppLines;
    }

    [Benchmark]
    public Task<long> RunWeekOneWorker() => RunWeek(1);

    [Benchmark]
    public Task<long> RunWeekTwoWorkers() => RunWeek(2);

    private async Task<long> RunWeek(int parallelism)
    {
        var sink = new NullEventSink();
        var options = new SimulationOptions
        {
            Seed = _week.Seed,
            Start = _week.Start,
            Days = _week.Days,
            Accounts = _week.Accounts,
            Scenarios = _week.Scenarios,
            Parallelism = parallelism,
        };
        await TrafficSimulator.RunAsync(options, sink, _referenceDir, TimeProvider.System).ConfigureAwait(false);
        return sink.Lines;
    }

    private static void Release(DayOutput output)
    {
        foreach (var batch in output.Gateway)
        {
            batch.Release();
        }

        foreach (var batch in output.App)
        {
            batch.Release();
        }
    }
}
