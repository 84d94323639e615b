using System.CommandLine;

namespace LogSentinel.Cli.Store;

/// <summary><c>logsentinel store check|query|ddl</c>: operator access to the store.</summary>
internal static class StoreCommand
{
    public static Command Create()
    {
        var store = new Command("store", "Check the configured ClickHouse store or run SQL against it.");
        store.Subcommands.Add(StoreCheckCommand.Create());
        store.Subcommands.Add(StoreQueryCommand.Create());
        store.Subcommands.Add(StoreDdlCommand.Create());
        return store;
    }
}
