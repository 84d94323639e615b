using System.Globalization;
using LogSentinel.Simulate;
using Spectre.Console;

namespace LogSentinel.Cli.Simulate;

/// <summary>The summary tables printed at the end of <c>logsentinel simulate</c>.</summary>
internal static class SimulationReport
{
    public static void Write(IAnsiConsole console, SimulationSummary summary, string directory)
    {
        var files = new Table().Title("Files").AddColumn("file").AddColumn(new TableColumn("lines").RightAligned()).AddColumn(new TableColumn("size").RightAligned());
        foreach (var path in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var lines = name.StartsWith("gateway", StringComparison.Ordinal) ? summary.GatewayEvents
                : name.StartsWith("app", StringComparison.Ordinal) ? summary.AppEvents
                : CountRows(path);
            files.AddRow(Markup.Escape(name), N(lines), Size(new FileInfo(path).Length));
        }

        console.Write(files);

        var world = new Table().Title("World").AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        world.AddRow("days", N(summary.Days));
        world.AddRow("provinces", N(summary.Provinces));
        world.AddRow("agencies", N(summary.Agencies));
        world.AddRow("registered networks", N(summary.Networks));
        world.AddRow("staff accounts", N(summary.StaffAccounts));
        world.AddRow("service accounts", N(summary.ServiceAccounts));
        foreach (var (status, count) in summary.AccountsByStatus)
        {
            world.AddRow("  " + status, N(count));
        }

        world.AddRow("delegations", N(summary.Delegations));
        console.Write(world);

        var scenarios = new Table().Title("Scenarios (labels.jsonl)").AddColumn("scenario").AddColumn("intensity").AddColumn("entity")
            .AddColumn("start").AddColumn("end");
        foreach (var label in summary.Labels)
        {
            scenarios.AddRow(label.Scenario, label.Intensity, Markup.Escape($"{label.EntityKind} {label.Entity}"),
                label.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), label.End.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }

        if (summary.Labels.Count == 0)
        {
            scenarios.AddRow("(none: benign traffic only)", "", "", "", "");
        }

        console.Write(scenarios);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{summary.TotalEvents:N0}[/] events in {summary.Elapsed.TotalSeconds:F1} s: [bold]{summary.EventsPerSecond:N0}[/] events/s"));
    }

    private static long CountRows(string path)
    {
        long lines = 0;
        foreach (var _ in File.ReadLines(path))
        {
            lines++;
        }

        // CSV files carry a header row.
        return path.EndsWith(".csv", StringComparison.Ordinal) ? lines - 1 : lines;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F2} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F1} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
