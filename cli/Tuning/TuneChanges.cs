using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Detect;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Cli.Tuning;

/// <summary>What every tuning change shares: who and why, the version it is based on, and how it is validated and stored.</summary>
internal static class TuneChanges
{
    public static readonly Option<string> Reason = new("--reason") { Description = "Why the change is made (required; kept in the history).", Required = true };

    public static readonly Option<string?> Actor = new("--actor") { Description = "Who makes the change (default: the operating-system user)." };

    public static readonly Option<ulong?> BasedOn = new("--based-on")
    {
        Description = "The version the change was prepared on; refused if another change was stored since (default: the newest version).",
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Reason);
        command.Options.Add(Actor);
        command.Options.Add(BasedOn);
    }

    /// <summary>
    /// Reads the newest document, lets <paramref name="change"/> make the next one (given the version it will get),
    /// validates it against the configured detection settings and stores it (through a running process's API when
    /// one holds the data directory, which validates it again against its own settings).
    /// </summary>
    public static async Task<int> RunAsync(
        ParseResult parse, Func<TuningDocument, ulong, (TuningDocument Document, string Change)> change, CancellationToken cancellationToken)
    {
        var configured = ReplayCommand.ReadOptions(parse);
        await using var tuning = await TuningAccess.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
        var current = await tuning.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var basedOn = parse.GetValue(BasedOn) ?? current.Version;
        var (document, summary) = change(current.Document, current.Version + 1);
        _ = AppliedTuning.Compile(configured, document, current.Version + 1);
        var saved = await tuning.SaveAsync(new TuningChange(document, basedOn, ActorOf(parse), parse.GetRequiredValue(Reason), summary), cancellationToken)
            .ConfigureAwait(false);
        await parse.InvocationConfiguration.Output.WriteLineAsync(
            string.Create(CultureInfo.InvariantCulture, $"Tuning version {saved.Version}: {saved.Change}")).ConfigureAwait(false);
        return 0;
    }

    public static string ActorOf(ParseResult parse)
    {
        var actor = parse.GetValue(Actor);
        return string.IsNullOrWhiteSpace(actor) ? Environment.UserName : actor;
    }

    /// <summary>Splits <c>KEY=VALUE</c>; the error names the argument.</summary>
    public static (string Key, string Value) SplitAssignment(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new ConfigurationException($"'{text}' is not KEY=VALUE (e.g. BruteForce:IpFailures=30).");
        }

        return (text[..eq].Trim(), text[(eq + 1)..].Trim());
    }
}
