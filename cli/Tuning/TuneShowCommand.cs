using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Detect;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store.Tuning;
using Spectre.Console;

namespace LogSentinel.Cli.Tuning;

/// <summary><c>tune show [--json]</c>, <c>tune history</c> and <c>tune keys</c>.</summary>
internal static class TuneShowCommand
{
    public static Command CreateShow()
    {
        var json = new Option<bool>("--json") { Description = "Print the document as JSON (as stored)." };
        var version = new Option<ulong?>("--version") { Description = "Show this version instead of the newest." };
        var command = new Command("show", "Show the current tuning: thresholds (with the configured value), suppressions, allow-lists and calendar.");
        command.Options.Add(json);
        command.Options.Add(version);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configured = ReplayCommand.ReadOptions(parse);
            await using var tuning = await TuningAccess.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            var wanted = parse.GetValue(version);
            var shown = wanted is { } v
                ? await tuning.GetVersionAsync(v, cancellationToken).ConfigureAwait(false) ?? throw new TuningValidationException("--version", $"there is no tuning version {v}")
                : await tuning.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(TuningJson.Serialize(shown.Document, indented: true)).ConfigureAwait(false);
                return 0;
            }

            var console = ConsoleOutput.For(parse);
            console.WriteLine(shown.Version == 0
                ? "Tuning version 0: nothing tuned; the configured settings apply."
                : string.Create(CultureInfo.InvariantCulture, $"Tuning version {shown.Version}, {shown.WrittenAt:yyyy-MM-dd HH:mm:ss} UTC by {shown.Actor}: {shown.Change} ({shown.Reason})"));
            var defaults = TunableSettings.List(configured).ToDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase);
            var doc = shown.Document;
            if (doc.Thresholds.Count > 0)
            {
                var table = new Table().AddColumn("Threshold").AddColumn("Value").AddColumn("Configured").AddColumn("Agency");
                foreach (var t in doc.Thresholds)
                {
                    table.AddRow(Markup.Escape(t.Key), Markup.Escape(t.Value), Markup.Escape(defaults.GetValueOrDefault(t.Key, "?")), Markup.Escape(t.Agency ?? "all"));
                }

                console.Write(table);
            }

            WriteRules(console, "Suppression", doc.Suppressions);
            WriteRules(console, "Allow-list", doc.AllowLists);
            if (doc.Calendar.ExtraHolidays.Count + doc.Calendar.ExtraWorkingDays.Count > 0)
            {
                console.WriteLine("Extra holidays: " + Dates(doc.Calendar.ExtraHolidays));
                console.WriteLine("Extra working days: " + Dates(doc.Calendar.ExtraWorkingDays));
            }

            return 0;
        });
        return command;
    }

    public static Command CreateHistory()
    {
        var command = new Command("history", "List every tuning version, newest first, with who, when, why and what changed.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var tuning = await TuningAccess.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            var history = await tuning.GetHistoryAsync(cancellationToken).ConfigureAwait(false);
            var table = new Table().AddColumn("Version").AddColumn("Written (UTC)").AddColumn("Actor").AddColumn("Change").AddColumn("Reason");
            foreach (var v in history)
            {
                table.AddRow(v.Version.ToString(CultureInfo.InvariantCulture), v.WrittenAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(v.Actor), Markup.Escape(v.Change), Markup.Escape(v.Reason));
            }

            ConsoleOutput.For(parse).Write(table);
            return 0;
        });
        return command;
    }

    public static Command CreateKeys()
    {
        var command = new Command("keys", "List the threshold keys tune set accepts, with their configured values.");
        command.SetAction(parse =>
        {
            var table = new Table().AddColumn("Key").AddColumn("Configured").AddColumn("Agency scope");
            foreach (var (key, value) in TunableSettings.List(ReplayCommand.ReadOptions(parse)))
            {
                table.AddRow(Markup.Escape(key), Markup.Escape(value), AppliedTuning.IsAgencyScopable(key) ? "yes" : "no");
            }

            ConsoleOutput.For(parse).Write(table);
            return 0;
        });
        return command;
    }

    private static void WriteRules(IAnsiConsole console, string title, IReadOnlyList<TuningRule> rules)
    {
        if (rules.Count == 0)
        {
            return;
        }

        var table = new Table().AddColumn(title).AddColumn("Matches").AddColumn("Reason");
        foreach (var r in rules)
        {
            table.AddRow(Markup.Escape(r.Id), Markup.Escape(TuneRuleCommands.Describe(r)), Markup.Escape(r.Reason));
        }

        console.Write(table);
    }

    private static string Dates(IReadOnlyList<DateOnly> dates) =>
        dates.Count == 0 ? "none" : string.Join(", ", dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
}
