using System.CommandLine;

namespace LogSentinel.Cli.Reference;

/// <summary><c>logsentinel ref load|list</c>: reference data (accounts, networks, delegations).</summary>
internal static class RefCommand
{
    public static Command Create()
    {
        var command = new Command("ref", "Load and list reference data: accounts, registered networks and delegations.");
        command.Subcommands.Add(RefLoadCommand.Create());
        command.Subcommands.Add(RefListCommand.Create());
        return command;
    }
}
