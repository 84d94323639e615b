using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Detect;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store.Tuning;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace LogSentinel.Cli.Tuning;

/// <summary>
/// <c>tune preview KEY=VALUE... [--agency A] [--document F] [--days N]</c>: how many alerts the current tuning with
/// these thresholds (or a whole proposed document) would have raised over the last days of stored events, next to
/// the current tuning, by type. Nothing is stored.
/// </summary>
internal static class TunePreviewCommand
{
    public static Command Create()
    {
        var assignments = new Argument<string[]>("assignments") { Description = "KEY=VALUE thresholds to try on top of the current tuning.", Arity = ArgumentArity.ZeroOrMore };
        var agency = new Option<string?>("--agency") { Description = "Scope the thresholds tried to this agency." };
        var document = new Option<FileInfo?>("--document") { Description = "A whole proposed tuning document (JSON, as tune show --json prints) instead of the current one." };
        var days = new Option<int?>("--days") { Description = "Days of stored events, back from the newest one (default Tuning:PreviewDays, 7)." };
        var command = new Command("preview", "Count the alerts a proposed tuning would have raised over the last days of stored events, next to the current tuning.");
        command.Arguments.Add(assignments);
        command.Options.Add(agency);
        command.Options.Add(document);
        command.Options.Add(days);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configured = ReplayCommand.ReadOptions(parse);
            var tuningOptions = ReadOptions(parse);
            var window = parse.GetValue(days) ?? tuningOptions.PreviewDays;
            if (window is < 1 or > 366)
            {
                throw new ConfigurationException($"--days {window} is out of range (1 to 366).");
            }

            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var current = await store.Tuning.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            var proposed = parse.GetValue(document) is { } file ? await ReadDocumentAsync(file, cancellationToken).ConfigureAwait(false) : current.Document;
            var scope = parse.GetValue(agency);
            var thresholds = proposed.Thresholds.ToList();
            foreach (var (key, value) in (parse.GetValue(assignments) ?? []).Select(TuneChanges.SplitAssignment))
            {
                var canonical = TunableSettings.Apply(new LogSentinel.Detect.DetectionOptions(), key, value, key);
                thresholds.RemoveAll(t => string.Equals(t.Key, canonical, StringComparison.OrdinalIgnoreCase) && string.Equals(t.Agency, scope, StringComparison.Ordinal));
                thresholds.Add(new ThresholdOverride(canonical, value, scope));
            }

            proposed = proposed with { Thresholds = thresholds };
            var reference = new ReferenceData(
                await store.Reference.GetAccountsAsync(cancellationToken).ConfigureAwait(false),
                await store.Reference.GetNetworksAsync(cancellationToken).ConfigureAwait(false),
                await store.Reference.GetDelegationsAsync(cancellationToken).ConfigureAwait(false));
            var error = parse.InvocationConfiguration.Error;
            var lastDay = long.MinValue;
            var progress = new Progress<long>(ms =>
            {
                // One line per day of event time replayed, so a long preview shows it is moving.
                if (ms / 86_400_000L != lastDay)
                {
                    lastDay = ms / 86_400_000L;
                    error.WriteLine("preview: replayed up to " + DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
                }
            });
            var result = await new TuningPreview(store, TimeProvider.System).RunAsync(configured, proposed, window, reference, progress, cancellationToken)
                .ConfigureAwait(false);
            Print(ConsoleOutput.For(parse), result);
            return 0;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, TuningPreviewResult result)
    {
        if (result.Events == 0)
        {
            console.WriteLine("No stored events: nothing to preview.");
            return;
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Events:N0} stored events from {DateTimeOffset.FromUnixTimeMilliseconds(result.FromMs):yyyy-MM-dd HH:mm} to {DateTimeOffset.FromUnixTimeMilliseconds(result.ToMs):yyyy-MM-dd HH:mm} UTC, current tuning version {result.CurrentVersion}:"));
        var table = new Table().AddColumn("Type").AddColumn(new TableColumn("Current").RightAligned()).AddColumn(new TableColumn("Proposed").RightAligned())
            .AddColumn(new TableColumn("Change").RightAligned()).AddColumn(new TableColumn("Kept back (current / proposed)").RightAligned());
        foreach (var type in result.Types)
        {
            var now = result.Current.AlertsByType.GetValueOrDefault(type);
            var next = result.Proposed.AlertsByType.GetValueOrDefault(type);
            var keptNow = result.Current.SuppressedByType.GetValueOrDefault(type) + result.Current.AllowListedByType.GetValueOrDefault(type);
            var keptNext = result.Proposed.SuppressedByType.GetValueOrDefault(type) + result.Proposed.AllowListedByType.GetValueOrDefault(type);
            table.AddRow(Markup.Escape(type), N(now), N(next), (next - now).ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture), $"{N(keptNow)} / {N(keptNext)}");
        }

        table.AddRow("all", N(result.Current.AlertsByType.Values.Sum()), N(result.Proposed.AlertsByType.Values.Sum()),
            (result.Proposed.AlertsByType.Values.Sum() - result.Current.AlertsByType.Values.Sum()).ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture), string.Empty);
        console.Write(table);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static async Task<TuningDocument> ReadDocumentAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false);
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<TuningDocument>(text, TuningJson.Options)
                ?? throw new ConfigurationException($"{file.Name}: the file holds no tuning document.");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ConfigurationException($"{file.Name}: not a tuning document: {ex.Message}");
        }
    }

    /// <summary>The <c>Tuning</c> section of the configuration, validated.</summary>
    public static TuningOptions ReadOptions(ParseResult parse)
        => SettingsSection.Read<TuningOptions>(parse, TuningOptions.SectionName, o => o.Validate());
}
