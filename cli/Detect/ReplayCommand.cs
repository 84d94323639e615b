using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Cli.Ingest;
using LogSentinel.Cli.Reference;
using LogSentinel.Detect;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Feedback;
using LogSentinel.Detect.Model;
using LogSentinel.Detect.Replay;
using LogSentinel.Ingest.Reference;
using LogSentinel.Store.Alerts;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace LogSentinel.Cli.Detect;

/// <summary>
/// <c>logsentinel replay [--accounts F] [--networks F] [--delegations F] FILES...</c>: loads the reference files,
/// ingests the log files in event-time order and runs detection to the end of the data, then prints a summary.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("files")
        {
            Description = "Gateway and application log files (plain or gzip; format detected per file).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("replay", "Ingest log files in event-time order and run detection over them to the end of the data.");
        command.Options.Add(RefLoadCommand.Accounts);
        command.Options.Add(RefLoadCommand.Networks);
        command.Options.Add(RefLoadCommand.Delegations);
        command.Arguments.Add(inputs);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = ReadOptions(parse);
            var files = parse.GetRequiredValue(inputs);
            var referenceFiles = new ReferenceFiles(parse.GetValue(RefLoadCommand.Accounts), parse.GetValue(RefLoadCommand.Networks), parse.GetValue(RefLoadCommand.Delegations));
            var parsed = referenceFiles.IsEmpty ? null : referenceFiles.Parse();
            await using var runtime = await IngestRuntime.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            if (parsed is not null)
            {
                await parsed.WithAccountPseudonyms(runtime.Pseudonymizer).LoadAsync(runtime.Store.Reference, Environment.UserName, cancellationToken).ConfigureAwait(false);
            }

            var modelOptions = ReadModelOptions(parse);
            var catalog = new ModelCatalog(runtime.Store, TimeProvider.System);
            var (engine, models, feedback) = await EngineSetup.CreateAsync(runtime.Store, options, cancellationToken).ConfigureAwait(false);
            var runner = new ReplayRunner(runtime.Store, runtime.Pipeline, engine, IngestRuntime.StoreRetry(maxAttempts: 8), TimeProvider.System, ReadReplayOptions(parse));
            var summary = await runner.RunAsync(files, cancellationToken).ConfigureAwait(false);
            var console = ConsoleOutput.For(parse);
            PrintSummary(console, summary);
            console.MarkupLine(Markup.Escape(models.Promoted is null
                ? "Behaviour: baseline scoring (no promoted model)" + Shadows(models) + "."
                : $"Behaviour: promoted model {models.Promoted.Id}" + Shadows(models) + "."));
            if (feedback.Entries.Count > 0)
            {
                console.MarkupLine(Markup.Escape($"Feedback: {feedback.Entries.Count} closed alert(s) lower later scores of their type and entity."));
            }

            var retrained = await catalog.RetrainIfDueAsync(modelOptions, cancellationToken).ConfigureAwait(false);
            if (retrained is not null)
            {
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"Retrained on schedule: model {retrained.ModelId} ({retrained.Windows:N0} windows) is in shadow; `logsentinel model promote {retrained.ModelId}` lets it raise alerts.")));
            }

            return 0;
        });
        return command;
    }

    /// <summary>The <c>Detection</c> section of the configuration, validated.</summary>
    public static DetectionOptions ReadOptions(ParseResult parse)
        => SettingsSection.Read<DetectionOptions>(parse, DetectionOptions.SectionName, o => o.Validate());

    /// <summary>The <c>Model</c> section of the configuration, validated.</summary>
    public static ModelOptions ReadModelOptions(ParseResult parse)
        => SettingsSection.Read<ModelOptions>(parse, ModelOptions.SectionName, o => o.Validate());

    private static string Shadows(BehaviourModels models) =>
        models.Shadow.Count == 0 ? string.Empty : ", in shadow: " + string.Join(", ", models.Shadow.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The <c>Replay</c> section of the configuration, validated.</summary>
    public static ReplayOptions ReadReplayOptions(ParseResult parse)
        => SettingsSection.Read<ReplayOptions>(parse, ReplayOptions.SectionName, o => o.Validate());

    private static void PrintSummary(IAnsiConsole console, ReplaySummary summary)
    {
        var table = new Table().AddColumn("Replay").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Files", summary.Files.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Lines", summary.Lines.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Events", summary.Events.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Events stored", summary.EventsStored.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Dead letters", summary.DeadLetters.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Late events", summary.LateEvents.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Elapsed", summary.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s");
        table.AddRow("Events/s", summary.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        if (summary.ResumedFromCheckpoint)
        {
            table.AddRow("Resumed from checkpoint", "yes");
        }

        table.AddRow("Tuning version", summary.TuningVersion.ToString(CultureInfo.InvariantCulture));

        var b = summary.Breakdown;
        table.AddRow("  parse (background)", Seconds(b.Parse));
        table.AddRow("  detect", Seconds(b.Detect));
        table.AddRow("  wait for next batch", Seconds(b.WaitForBatch));
        table.AddRow("  store events (background)", Seconds(b.StoreEvents));
        table.AddRow("  store alerts (background)", Seconds(b.StoreAlerts));
        table.AddRow("  closed days' baselines and windows: build", Seconds(b.BuildBehaviour));
        table.AddRow("  closed days' baselines and windows: store (background)", Seconds(b.StoreBehaviour));
        table.AddRow("  checkpoints (save + write)", Seconds(b.Checkpoint));
        table.AddRow("  wait for store at end", Seconds(b.WaitForStore));
        table.AddRow("Alerts", summary.Alerts.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var (type, count) in summary.AlertsByType)
        {
            table.AddRow("  " + Markup.Escape(type), count.ToString("N0", CultureInfo.InvariantCulture));
        }

        AddCounts(table, "Suppressed (tuning)", summary.SuppressedByType);
        AddCounts(table, "Allow-listed (tuning)", summary.AllowListedByType);

        console.Write(table);
    }

    private static void AddCounts(Table table, string title, IReadOnlyDictionary<string, int> counts)
    {
        if (counts.Count == 0)
        {
            return;
        }

        table.AddRow(title, counts.Values.Sum().ToString("N0", CultureInfo.InvariantCulture));
        foreach (var (type, count) in counts)
        {
            table.AddRow("  " + Markup.Escape(type), count.ToString("N0", CultureInfo.InvariantCulture));
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s";
}
