using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Store.Reference;
using Spectre.Console;

namespace LogSentinel.Cli.Reference;

/// <summary><c>logsentinel ref list</c>: every load of reference data, newest first.</summary>
internal static class RefListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List every load of reference data, newest first; the newest of each kind is in force.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var versions = await store.Reference.GetVersionsAsync(cancellationToken).ConfigureAwait(false);
            var table = new Table().AddColumn("Kind").AddColumn("Version").AddColumn("Loaded at (UTC)").AddColumn("By").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("Source");
            foreach (var v in versions)
            {
                table.AddRow(
                    ReferenceKinds.Name(v.Kind),
                    v.Version.ToString(CultureInfo.InvariantCulture),
                    v.LoadedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(v.LoadedBy),
                    v.Rows.ToString("N0", CultureInfo.InvariantCulture),
                    Markup.Escape(v.Source));
            }

            ConsoleOutput.For(parse).Write(table);
            return 0;
        });
        return command;
    }
}
