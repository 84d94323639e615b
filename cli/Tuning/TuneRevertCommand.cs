using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Detect;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Cli.Tuning;

/// <summary><c>tune revert VERSION</c>: stores an older version's content as a new version (history stays append-only).</summary>
internal static class TuneRevertCommand
{
    public static Command Create()
    {
        var version = new Argument<ulong>("version") { Description = "The version whose content to restore (0: nothing tuned)." };
        var command = new Command("revert", "Restore an older version's tuning as a new version.");
        command.Arguments.Add(version);
        TuneChanges.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configured = ReplayCommand.ReadOptions(parse);
            var target = parse.GetRequiredValue(version);
            await using var tuning = await TuningAccess.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            var current = (await tuning.GetCurrentAsync(cancellationToken).ConfigureAwait(false)).Version;
            var old = await tuning.GetVersionAsync(target, cancellationToken).ConfigureAwait(false)
                ?? throw new TuningValidationException("version", $"there is no tuning version {target} (the newest is {current})");

            // The old content must still hold under today's configuration before it becomes current again.
            _ = AppliedTuning.Compile(configured, old.Document, current + 1);
            var saved = await tuning.RevertAsync(target, parse.GetValue(TuneChanges.BasedOn) ?? current, TuneChanges.ActorOf(parse),
                parse.GetRequiredValue(TuneChanges.Reason), cancellationToken).ConfigureAwait(false);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                string.Create(CultureInfo.InvariantCulture, $"Tuning version {saved.Version}: {saved.Change}")).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
