using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using Spectre.Console;

namespace LogSentinel.Cli.Store;

/// <summary>
/// <c>logsentinel store check</c>: opens the configured store, applies migrations, writes and reads back sample
/// rows, and prints the engine version, where the data is and how many rows each table holds.
/// </summary>
internal static class StoreCheckCommand
{
    private const int RoundTripRows = 1000;

    public static Command Create()
    {
        var command = new Command("check", "Open the store, apply migrations, round-trip sample rows, and print the engine version and table row counts.");
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var console = ConsoleOutput.For(parse);
        await using var store = StoreOpener.Open(parse);
        var description = store.Description;
        var version = await store.GetEngineVersionAsync(cancellationToken).ConfigureAwait(false);
        var newlyApplied = await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var applied = await store.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        var roundTrip = await store.CheckRoundTripAsync(RoundTripRows, cancellationToken).ConfigureAwait(false);
        var counts = await store.GetTableRowCountsAsync(cancellationToken).ConfigureAwait(false);

        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("Engine", $"ClickHouse {Markup.Escape(version)} ({description.Transport})");
        summary.AddRow(description.Transport == "embedded" ? "Data directory" : "Server", Markup.Escape(description.Location));
        summary.AddRow("Database", Markup.Escape(description.Database));
        summary.AddRow("Schema", $"version {(applied.Count == 0 ? 0 : applied[^1].Version)} ({newlyApplied.Count} migration(s) applied now)");
        summary.AddRow("Round trip", roundTrip.Succeeded
            ? $"[green]ok[/]: {roundTrip.Written} rows written and read back identical"
            : $"[red]FAILED[/]: {roundTrip.Written} written, {roundTrip.ReadBack} read back, {roundTrip.Matching} identical");
        console.Write(summary);
        console.WriteLine();

        var table = new Table().AddColumn("Table").AddColumn(new TableColumn("Rows").RightAligned());
        foreach (var count in counts)
        {
            table.AddRow(Markup.Escape(count.Table), count.Rows.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        return roundTrip.Succeeded ? 0 : 1;
    }
}
