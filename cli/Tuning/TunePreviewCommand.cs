using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Detect;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Tuning;
using LogSentinel.QueryApi.Tuning;
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

            var proposed = parse.GetValue(document) is { } file ? await ReadDocumentAsync(file, cancellationToken).ConfigureAwait(false) : null;
            var scope = parse.GetValue(agency);
            var thresholds = (parse.GetValue(assignments) ?? []).Select(TuneChanges.SplitAssignment).Select(p => new ThresholdOverride(p.Key, p.Value, scope)).ToList();
            // Keys and kinds checked here first, so a typo is named before any replay.
            _ = TuningProposal.Apply(TuningDocument.Empty, thresholds);
            var error = parse.InvocationConfiguration.Error;
            var lastDay = long.MinValue;
            var progress = new Progress<long>(ms =>
            {
                // One line per day of event time replayed, so a long preview shows it is moving (on the store; a running process replays on its side).
                if (ms / 86_400_000L != lastDay)
                {
                    lastDay = ms / 86_400_000L;
                    error.WriteLine("preview: replayed up to " + DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
                }
            });
            await using var tuning = await TuningAccess.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            var result = await tuning.PreviewAsync(configured, proposed, thresholds, window, progress, cancellationToken).ConfigureAwait(false);
            Print(ConsoleOutput.For(parse), result);
            return 0;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, TuningPreviewView result)
    {
        if (result.Events == 0 || result.From is not { } from || result.To is not { } to)
        {
            console.WriteLine("No stored events: nothing to preview.");
            return;
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Events:N0} stored events from {from.UtcDateTime:yyyy-MM-dd HH:mm} to {to.UtcDateTime:yyyy-MM-dd HH:mm} UTC, current tuning version {result.CurrentVersion}:"));
        var table = new Table().AddColumn("Type").AddColumn(new TableColumn("Current").RightAligned()).AddColumn(new TableColumn("Proposed").RightAligned())
            .AddColumn(new TableColumn("Change").RightAligned()).AddColumn(new TableColumn("Kept back (current / proposed)").RightAligned());
        foreach (var row in result.Types)
        {
            table.AddRow(Markup.Escape(row.Type), N(row.Current), N(row.Proposed), (row.Proposed - row.Current).ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture),
                $"{N(row.KeptBackCurrent)} / {N(row.KeptBackProposed)}");
        }

        table.AddRow("all", N(result.CurrentAlerts), N(result.ProposedAlerts),
            (result.ProposedAlerts - result.CurrentAlerts).ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture), string.Empty);
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
