using System.CommandLine;

namespace LogSentinel.Cli.Model;

/// <summary><c>logsentinel model train|list|evaluate|promote|export|import</c>: the versioned anomaly models of the store.</summary>
internal static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "Train, list, evaluate, promote, export and import the anomaly models detection scores behaviour with.");
        command.Subcommands.Add(ModelTrainCommand.Create());
        command.Subcommands.Add(ModelListCommand.Create());
        command.Subcommands.Add(ModelEvaluateCommand.Create());
        command.Subcommands.Add(ModelPromoteCommand.Create());
        command.Subcommands.Add(ModelTransferCommands.CreateExport());
        command.Subcommands.Add(ModelTransferCommands.CreateImport());
        return command;
    }

    /// <summary>The model id argument of promote, evaluate and export.</summary>
    internal static Argument<uint> IdArgument(string description) => new("id") { Description = description };
}
