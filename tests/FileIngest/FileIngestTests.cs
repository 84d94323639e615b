using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using LogSentinel.Store;
using LogSentinel.Store.DeadLetters;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Simulate;

namespace LogSentinel.Tests.FileIngest;

public sealed partial class FileIngestTests
{
    [Fact]
    public async Task Ingest_SimulatedWorld_EveryLineStored_NoDeadLetters_NoCitizenIdInClearAnywhere()
    {
        using var run = SimulatedRun.Create(days: 2, accounts: 60, "all", seed: 11);
        var database = SharedEngine.NewDatabase();
        _ = SharedEngine.Transport;

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "ingest", Path.Combine(run.Directory, "gateway.jsonl"), Path.Combine(run.Directory, "app.jsonl"),
            "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}");

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"Dead letters\s*│\s*0", output);
        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        var counts = (await store.GetTableRowCountsAsync()).ToDictionary(c => c.Table, c => c.Rows);
        Assert.Equal((ulong)run.GatewayLines.Length, counts["gateway_events"]);
        Assert.Equal((ulong)run.AppLines.Length, counts["app_events"]);

        var citizenIds = run.AppLines.SelectMany(l => CitizenIdField().Matches(l).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(citizenIds);
        foreach (var table in counts.Keys)
        {
            var dump = Encoding.UTF8.GetString(SharedEngine.Transport.QueryRaw($"SELECT * FROM {database}.{table} FORMAT TSV", "TSV", null));
            var leaked = TwelveDigits().Matches(dump).Select(m => m.Value).Where(citizenIds.Contains).Take(3).ToList();
            Assert.True(leaked.Count == 0, $"{table} holds citizen ids in clear: {string.Join(", ", leaked)}");
        }
    }

    [Fact]
    public async Task Ingest_SameFileTwice_SecondRunStoresNothingNew()
    {
        using var run = SimulatedRun.Create(days: 1, accounts: 40, "none", seed: 5);
        var database = SharedEngine.NewDatabase();
        _ = SharedEngine.Transport;
        string[] args = ["ingest", Path.Combine(run.Directory, "app.jsonl"), "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}", "-s", "Ingest:BatchMaxLines=500"];

        var first = await CliRunner.RunAsync(args);
        var second = await CliRunner.RunAsync(args);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Error + second.Error);
        Assert.Matches($@"Duplicates dropped\s*│\s*{run.AppLines.Length:N0}", second.Output);
        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        Assert.Equal((ulong)run.AppLines.Length, (await store.GetTableRowCountsAsync()).Single(c => c.Table == "app_events").Rows);
    }

    [Fact]
    public async Task Ingest_BadLines_LandInDeadLettersWithReasonAndLine_MaskedAndRedrivableAfterAFix()
    {
        var database = SharedEngine.NewDatabase();
        _ = SharedEngine.Transport;
        using var dir = new TempDirectory();
        const string Good = """{"ts":"2024-01-15T09:12:33.201+07:00","event":"citizen_lookup","account":"a1","citizen_id":"052301004512","result":"found"}""";
        var longPurpose = new string('x', 2000);
        var lines = new[]
        {
            Good,
            """{"ts":"2024-01-15T09:12:33.201","event":"citizen_lookup","account":"a1","citizen_id":"052301004513"}""",
            """{"ts":"2024-01-15T09:12:34.201+07:00","event":"citizen_lookup","account":"a1","citizen_id":"05230100451X"}""",
            """{"ts":"2024-01-15T09:12:35.201+07:00","event":"citizen_lookup","account":"a1","citizen_id":"079301004514","client_ip":"10.1.2.300"}""",
            $$"""{"ts":"2024-01-15T09:12:36.201+07:00","event":"citizen_lookup","account":"a1","citizen_id":"079301004515","purpose":"{{longPurpose}}"}""",
        };
        var file = dir.Write("app.jsonl", string.Join('\n', lines) + "\n");

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "ingest", "--format", "app-json", file, "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}", "-s", "Ingest:Parsing:MaxLineBytes=1024");

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"Dead letters\s*│\s*4", output);
        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        var letters = await store.DeadLetters.ListAsync(new DeadLetterQuery());
        Assert.Equal(
            [("line 2", "missing_offset"), ("line 3", "invalid_citizen_id"), ("line 4", "invalid_ip"), ("line 5", "line_too_long")],
            letters.Select(l => (l.Position, l.Reason)).OrderBy(p => p.Position, StringComparer.Ordinal));
        Assert.All(letters, l => Assert.DoesNotMatch(TwelveDigits(), Encoding.UTF8.GetString(l.Raw)));
        Assert.All(letters, l => Assert.Equal($"file:{file}", l.Source));

        var redrive = await CliRunner.RunAsync(
            "deadletters", "redrive", "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}", "-s", "Ingest:Parsing:MaxLineBytes=65536");

        Assert.True(redrive.ExitCode == 0, redrive.Error);
        Assert.Contains("Re-drove 4 dead letter(s): 1 ingested, 3 still failing.", redrive.Output, StringComparison.Ordinal);
        Assert.Equal(3, (await store.DeadLetters.ListAsync(new DeadLetterQuery())).Count);
        Assert.Equal(2UL, (await store.GetTableRowCountsAsync()).Single(c => c.Table == "app_events").Rows);
    }

    [Fact]
    public async Task Ingest_GzipCombinedFile_FormatDetected()
    {
        using var run = SimulatedRun.Create(days: 1, accounts: 30, "none", seed: 9, format: LogSentinel.Simulate.Output.GatewayFormat.Combined);
        var database = SharedEngine.NewDatabase();
        _ = SharedEngine.Transport;
        var gz = Path.Combine(run.Directory, "gateway.log.gz");
        await using (var output = File.Create(gz))
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        await using (var input = File.OpenRead(Path.Combine(run.Directory, "gateway.log")))
        {
            await input.CopyToAsync(gzip);
        }

        var (exitCode, _, error) = await CliRunner.RunAsync("ingest", gz, "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}");

        Assert.True(exitCode == 0, error);
        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        Assert.Equal((ulong)run.GatewayLines.Length, (await store.GetTableRowCountsAsync()).Single(c => c.Table == "gateway_events").Rows);
    }

    [Fact]
    public async Task Ingest_CrlfLineEndings_SameEventsNoDeadLetters()
    {
        using var run = SimulatedRun.Create(days: 1, accounts: 20, "none", seed: 4);
        var database = SharedEngine.NewDatabase();
        _ = SharedEngine.Transport;
        var crlf = Path.Combine(run.Directory, "app-crlf.jsonl");
        await File.WriteAllTextAsync(crlf, string.Join("\r\n", run.AppLines) + "\r\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("ingest", crlf, "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}");

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"Dead letters\s*│\s*0", output);
        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        Assert.Equal((ulong)run.AppLines.Length, (await store.GetTableRowCountsAsync()).Single(c => c.Table == "app_events").Rows);
    }

    [Fact]
    public async Task Ingest_UnrecognisableFile_SaysToPassFormat()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("notes.txt", "hello\nworld\n");
        _ = SharedEngine.Transport;

        var (exitCode, _, error) = await CliRunner.RunAsync("ingest", file, "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={SharedEngine.NewDatabase()}");

        Assert.Equal(1, exitCode);
        Assert.Contains("could not be recognised", error, StringComparison.Ordinal);
        Assert.Contains("--format", error, StringComparison.Ordinal);
    }

    [GeneratedRegex("\"citizen_id\":\"(\\d{12})\"")]
    private static partial Regex CitizenIdField();

    [GeneratedRegex(@"(?<!\d)\d{12}(?!\d)")]
    private static partial Regex TwelveDigits();
}
