using System.Globalization;
using LogSentinel.Simulate;
using LogSentinel.Simulate.Output;
using LogSentinel.Simulate.Scenarios;

namespace LogSentinel.Tests.Simulate;

/// <summary>One simulation written to a temporary directory, with its files parsed for assertions.</summary>
internal sealed class SimulatedRun : IDisposable
{
    private SimulatedRun(string directory, SimulationOptions options, SimulationSummary summary)
    {
        Directory = directory;
        Options = options;
        Summary = summary;
        var gatewayFile = Path.Combine(directory, options.GatewayFormat == GatewayFormat.Json ? "gateway.jsonl" : "gateway.log");
        GatewayLines = File.ReadAllLines(gatewayFile);
        AppLines = File.ReadAllLines(Path.Combine(directory, "app.jsonl"));
        LabelLines = File.ReadAllLines(Path.Combine(directory, "labels.jsonl"));
        Accounts = Csv(Path.Combine(directory, "accounts.csv"));
        Networks = Csv(Path.Combine(directory, "networks.csv"));
        Delegations = Csv(Path.Combine(directory, "delegations.csv"));
        if (options.GatewayFormat == GatewayFormat.Json)
        {
            Gateway = GatewayRecord.ParseAll(GatewayLines);
        }

        App = AppRecord.ParseAll(AppLines);
        Labels = LabelRecord.ParseAll(LabelLines);
        Cidrs = Networks.Select(n => Cidr.Parse(n["cidr"])).ToArray();
    }

    public string Directory { get; }

    public SimulationOptions Options { get; }

    public SimulationSummary Summary { get; }

    public string[] GatewayLines { get; }

    public string[] AppLines { get; }

    public string[] LabelLines { get; }

    public IReadOnlyList<GatewayRecord> Gateway { get; } = [];

    public IReadOnlyList<AppRecord> App { get; }

    public IReadOnlyList<LabelRecord> Labels { get; }

    public IReadOnlyList<Dictionary<string, string>> Accounts { get; }

    public IReadOnlyList<Dictionary<string, string>> Networks { get; }

    public IReadOnlyList<Dictionary<string, string>> Delegations { get; }

    public IReadOnlyList<Cidr> Cidrs { get; }

    public bool IsRegistered(string ip) => Cidrs.Any(c => c.Contains(ip));

    public static SimulatedRun Create(int days, int accounts, string scenarios, ulong seed = 7, DateOnly? start = null,
        GatewayFormat format = GatewayFormat.Json, int parallelism = 2)
    {
        var options = new SimulationOptions
        {
            Seed = seed,
            Start = start ?? new DateOnly(2024, 1, 1),
            Days = days,
            Accounts = accounts,
            GatewayFormat = format,
            Scenarios = ScenarioSelection.Parse(scenarios),
            Parallelism = parallelism,
        };
        var directory = Path.Combine(Path.GetTempPath(), "logsentinel-sim-" + Guid.NewGuid().ToString("N"));
        SimulationSummary summary;
        var sink = new FileEventSink(directory, format, gzip: false);
        try
        {
            summary = TrafficSimulator.RunAsync(options, sink, directory, TimeProvider.System).GetAwaiter().GetResult();
        }
        finally
        {
            sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return new SimulatedRun(directory, options, summary);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var rows = new List<Dictionary<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Equal(header.Length, cells.Length);
            rows.Add(header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }

        return rows;
    }

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
