using System.CommandLine;
using System.Globalization;
using System.Text;
using LogSentinel.Cli.Hosting;
using LogSentinel.Cli.Ingest;
using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Store.DeadLetters;
using Spectre.Console;

namespace LogSentinel.Cli.DeadLetters;

/// <summary><c>logsentinel deadletters [list|redrive]</c>: lines that could not be ingested, and re-driving them after a fix.</summary>
internal static class DeadLettersCommand
{
    private static readonly Option<string?> Reason = new("--reason") { Description = "Only this reason, e.g. bad_timestamp." };
    private static readonly Option<string?> Source = new("--source") { Description = "Only this source, e.g. file:/var/log/gw/access.log or kafka:gateway-access." };
    private static readonly Option<int> Limit = new("--limit") { Description = "At most this many (default 100 for list, 100000 for redrive).", DefaultValueFactory = _ => 0 };

    public static Command Create()
    {
        var command = new Command("deadletters", "List lines that could not be ingested (citizen ids masked), or re-drive them after a fix.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateRedrive());
        return command;
    }

    private static Command CreateList()
    {
        var all = new Option<bool>("--all") { Description = "Include dead letters already re-driven into the store." };
        var list = new Command("list", "List dead letters, oldest first, with counts by reason.");
        list.Options.Add(Reason);
        list.Options.Add(Source);
        list.Options.Add(Limit);
        list.Options.Add(all);
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var limit = parse.GetValue(Limit) is > 0 and var l ? l : 100;
            var letters = await store.DeadLetters.ListAsync(
                new DeadLetterQuery(parse.GetValue(Reason), parse.GetValue(Source), IncludeRedriven: parse.GetValue(all), Limit: limit), cancellationToken).ConfigureAwait(false);
            var counts = await store.DeadLetters.CountByReasonAsync(cancellationToken).ConfigureAwait(false);

            var console = ConsoleOutput.For(parse);
            var byReason = new Table().AddColumn("Reason").AddColumn(new TableColumn("Waiting").RightAligned());
            foreach (var (reason, count) in counts)
            {
                byReason.AddRow(Markup.Escape(reason), count.ToString("N0", CultureInfo.InvariantCulture));
            }

            console.Write(byReason);
            var table = new Table().AddColumn("Received (UTC)").AddColumn("Source").AddColumn("Position").AddColumn("Reason").AddColumn("Detail").AddColumn("Line (citizen ids masked)");
            foreach (var letter in letters)
            {
                table.AddRow(
                    letter.ReceivedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(letter.Source),
                    Markup.Escape(letter.Position),
                    Markup.Escape(letter.Reason),
                    Markup.Escape(letter.Detail),
                    Markup.Escape(Printable(letter.Raw)));
            }

            console.Write(table);
            return 0;
        });
        return list;
    }

    private static Command CreateRedrive()
    {
        var redrive = new Command("redrive", "Parse waiting dead letters again; those that parse now are stored and retired.");
        redrive.Options.Add(Reason);
        redrive.Options.Add(Source);
        redrive.Options.Add(Limit);
        redrive.SetAction(async (parse, cancellationToken) =>
        {
            await using var runtime = await IngestRuntime.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            var redriver = new DeadLetterRedriver(runtime.Pipeline, runtime.Store.DeadLetters, runtime.Sealer, IngestRuntime.StoreRetry(maxAttempts: 8), TimeProvider.System);
            var limit = parse.GetValue(Limit) is > 0 and var l ? l : 100_000;
            var summary = await redriver.RedriveAsync(new DeadLetterQuery(parse.GetValue(Reason), parse.GetValue(Source), Limit: limit), cancellationToken).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Re-drove {summary.Attempted:N0} dead letter(s): {summary.Ingested:N0} ingested, {summary.StillFailing:N0} still failing.").ConfigureAwait(false);
            return 0;
        });
        return redrive;
    }

    /// <summary>The masked line for a terminal: invalid UTF-8 and control characters shown as escapes, long lines cut.</summary>
    private static string Printable(byte[] raw)
    {
        const int MaxShown = 160;
        var text = Encoding.UTF8.GetString(raw);
        var builder = new StringBuilder(Math.Min(text.Length, MaxShown) + 8);
        foreach (var c in text)
        {
            if (builder.Length >= MaxShown)
            {
                builder.Append('…');
                break;
            }

            _ = char.IsControl(c) ? builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}") : builder.Append(c);
        }

        return builder.ToString();
    }
}
