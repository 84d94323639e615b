using System.CommandLine;
using Microsoft.Extensions.Options;

namespace LogSentinel.Cli.Hosting;

/// <summary>The <c>logsentinel</c> root command: every role of the product as a subcommand.</summary>
internal static class LogSentinelCli
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand(
            "LogSentinel watches the gateway to the national population database for misuse: " +
            "it ingests gateway and application logs into ClickHouse, detects abuse and explains every alert.");
        root.Options.Add(GlobalOptions.DataDir);
        root.Options.Add(GlobalOptions.Settings);
        root.Options.Add(GlobalOptions.ConfigFile);
        root.Subcommands.Add(Store.StoreCommand.Create());
        root.Subcommands.Add(Reference.RefCommand.Create());
        root.Subcommands.Add(Ingest.IngestCommand.Create());
        root.Subcommands.Add(DeadLetters.DeadLettersCommand.Create());
        root.Subcommands.Add(Simulate.SimulateCommand.Create());
        root.Subcommands.Add(Detect.ReplayCommand.Create());
        root.Subcommands.Add(Detect.AlertsCommand.Create());
        root.Subcommands.Add(Serve.ServeCommand.Create());
        root.Subcommands.Add(Users.UsersCommand.Create());
        root.Subcommands.Add(Tuning.TuneCommand.Create());
        root.Subcommands.Add(Detect.RunCommand.Create());
        root.Subcommands.Add(Detect.RunCommand.CreateDetect());
        root.Subcommands.Add(Detect.EvaluateCommand.Create());
        root.Subcommands.Add(Detect.FeedbackCommand.Create());
        root.Subcommands.Add(Model.ModelCommand.Create());
        root.Subcommands.Add(Report.ReportCommand.Create());
        root.Subcommands.Add(Report.IncidentCommand.Create());
        root.Subcommands.Add(Demo.DemoCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var root = CreateRoot();
        var config = new InvocationConfiguration
        {
            Output = stdout ?? Console.Out,
            Error = stderr ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            return await root.Parse(args).InvokeAsync(config).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await config.Error.WriteLineAsync("logsentinel: cancelled.").ConfigureAwait(false);
            return 130;
        }
        catch (Exception ex) when (IsUserFacing(ex))
        {
            await config.Error.WriteLineAsync($"logsentinel: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Errors whose message is the whole story for the user; anything else keeps its stack trace.</summary>
    private static bool IsUserFacing(Exception ex) =>
        ex is ConfigurationException or OptionsValidationException or LogSentinel.Store.StoreException
            or LogSentinel.Ingest.Reference.ReferenceDataException
            or IOException or UnauthorizedAccessException or InvalidDataException;
}
