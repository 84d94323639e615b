using System.CommandLine;

namespace LogSentinel.Cli.Tuning;

/// <summary>
/// <c>logsentinel tune ...</c>: detection tuning in the store (thresholds, suppressions, allow-lists, calendar).
/// Every change needs a reason, records its actor and becomes a new version a running engine picks up.
/// </summary>
internal static class TuneCommand
{
    public static Command Create()
    {
        var command = new Command("tune", "Show and change detection tuning: thresholds, suppressions, allow-lists and the calendar, versioned and revertible.");
        command.Subcommands.Add(TuneShowCommand.CreateShow());
        command.Subcommands.Add(TuneShowCommand.CreateHistory());
        command.Subcommands.Add(TuneShowCommand.CreateKeys());
        command.Subcommands.Add(TuneThresholdCommands.CreateSet());
        command.Subcommands.Add(TuneThresholdCommands.CreateUnset());
        command.Subcommands.Add(TuneRuleCommands.Create("suppress"));
        command.Subcommands.Add(TuneRuleCommands.Create("allow"));
        command.Subcommands.Add(TuneRuleCommands.CreateRemove());
        command.Subcommands.Add(TuneCalendarCommand.Create());
        command.Subcommands.Add(TuneRevertCommand.Create());
        command.Subcommands.Add(TunePreviewCommand.Create());
        return command;
    }
}
