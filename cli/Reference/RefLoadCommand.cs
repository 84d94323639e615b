using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Cli.Ingest;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Reference;
using LogSentinel.Store.Reference;
using Spectre.Console;

namespace LogSentinel.Cli.Reference;

/// <summary>
/// <c>logsentinel ref load --accounts F --networks F --delegations F</c>: validates every given file first and
/// loads nothing if any has a problem; each kind then switches to its new version atomically.
/// </summary>
internal static class RefLoadCommand
{
    public static readonly Option<FileInfo?> Accounts = new("--accounts") { Description = "accounts.csv: account,agency,role,status,status_since" };
    public static readonly Option<FileInfo?> Networks = new("--networks") { Description = "networks.csv: agency,cidr,label" };
    public static readonly Option<FileInfo?> Delegations = new("--delegations") { Description = "delegations.csv: account,delegate,valid_from,valid_to,reason" };

    public static Command Create()
    {
        var command = new Command("load", "Validate and load reference files; a load replaces the previous version of that kind and keeps it as history.");
        command.Options.Add(Accounts);
        command.Options.Add(Networks);
        command.Options.Add(Delegations);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var files = new ReferenceFiles(parse.GetValue(Accounts), parse.GetValue(Networks), parse.GetValue(Delegations));
        if (files.IsEmpty)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("logsentinel: give at least one of --accounts, --networks, --delegations.").ConfigureAwait(false);
            return 2;
        }

        var parsed = files.Parse();
        var console = ConsoleOutput.For(parse);
        using (var server = RunningServer.Find(parse))
        {
            if (server is not null)
            {
                await LoadThroughAsync(server, files, console, cancellationToken).ConfigureAwait(false);
                return 0;
            }
        }

        if (parsed.NamesCitizenIds)
        {
            var key = IngestRuntime.ResolvePseudonymKey(parse, out _);
            using var pseudonymizer = new CitizenIdPseudonymizer(key);
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
            parsed = parsed.WithAccountPseudonyms(pseudonymizer);
        }

        await using var store = StoreOpener.Open(parse);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var loaded = await parsed.LoadAsync(store.Reference, Environment.UserName, cancellationToken).ConfigureAwait(false);

        var table = new Table().AddColumn("Kind").AddColumn("Version").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("Source");
        foreach (var version in loaded)
        {
            table.AddRow(
                ReferenceKinds.Name(version.Kind),
                version.Version.ToString(CultureInfo.InvariantCulture),
                version.Rows.ToString("N0", CultureInfo.InvariantCulture),
                Markup.Escape(version.Source));
        }

        console.Write(table);
        return 0;
    }

    /// <summary>The files validated here are sent to the running process, which validates and loads each again under its own lock.</summary>
    private static async Task LoadThroughAsync(RunningServer server, ReferenceFiles files, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumn("Kind").AddColumn("Version").AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("Source");
        foreach (var (kind, file) in new[] { ("accounts", files.Accounts), ("networks", files.Networks), ("delegations", files.Delegations) })
        {
            if (file is null)
            {
                continue;
            }

            var (version, rows) = await server.UploadReferenceAsync(kind, file, cancellationToken).ConfigureAwait(false);
            table.AddRow(kind, version.ToString(CultureInfo.InvariantCulture), rows.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(file.FullName));
        }

        console.Write(table);
        console.MarkupLine($"[grey]Loaded through the running LogSentinel at {Markup.Escape(server.Url)}.[/]");
    }
}
