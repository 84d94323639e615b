using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Ingest.Files;
using LogSentinel.Ingest.Parsing;
using Spectre.Console;

namespace LogSentinel.Cli.Ingest;

/// <summary>
/// <c>logsentinel ingest [--format F] FILES...|-</c>: parses log files (gzip or plain) or standard input into the
/// store, with a progress bar and a summary. <c>logsentinel ingest --kafka</c> consumes the topics of
/// <c>Ingest:Kafka</c> instead, until stopped.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var format = new Option<string?>("--format", "-f")
        {
            Description = "gateway-json, gateway-combined or app-json; default: detected per file from its first lines.",
        };
        var inputs = new Argument<string[]>("files")
        {
            Description = "Log files (plain or gzip), or - for standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var kafka = new Option<bool>("--kafka")
        {
            Description = "Consume the topics of Ingest:Kafka (brokers, group, topic formats) until Ctrl-C, instead of reading files.",
        };
        var statusInterval = new Option<int>("--status-interval")
        {
            Description = "With --kafka: seconds between status lines (default 5).",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("ingest", "Ingest log files, standard input or Kafka topics into the store; bad lines go to dead letters with their reason.");
        command.Options.Add(format);
        command.Options.Add(kafka);
        command.Options.Add(statusInterval);
        command.Arguments.Add(inputs);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = parse.GetValue(inputs) ?? [];
            if (parse.GetValue(kafka))
            {
                if (files.Length > 0 || parse.GetValue(format) is not null)
                {
                    throw new ConfigurationException("--kafka reads the topics of Ingest:Kafka; it takes no files and no --format (set Ingest:Kafka:Topics:<topic>=<format>).");
                }

                var seconds = parse.GetValue(statusInterval);
                if (seconds is < 1 or > 3600)
                {
                    throw new ConfigurationException($"--status-interval must be between 1 and 3600 seconds; it is {seconds}.");
                }

                return await KafkaIngestRun.RunAsync(parse, TimeSpan.FromSeconds(seconds), cancellationToken).ConfigureAwait(false);
            }

            if (files.Length == 0)
            {
                throw new ConfigurationException("Name the files to ingest (- for standard input), or pass --kafka to consume Kafka topics.");
            }

            LogFormat? chosen = null;
            var formatName = parse.GetValue(format);
            if (formatName is not null)
            {
                if (!LogFormats.TryParse(formatName, out var parsed) || parsed == LogFormat.Unknown)
                {
                    throw new ConfigurationException($"--format '{formatName}' is not one of gateway-json, gateway-combined, app-json.");
                }

                chosen = parsed;
            }

            await using var runtime = await IngestRuntime.OpenAsync(parse, cancellationToken).ConfigureAwait(false);
            var ingestor = new FileIngestor(runtime.Pipeline, runtime.Store.State, runtime.Options, IngestRuntime.StoreRetry(maxAttempts: 8));
            var console = ConsoleOutput.For(parse);
            var summary = await RunWithProgressAsync(console, files, (progress, token) => ingestor.IngestAsync(files, chosen, progress, token), cancellationToken).ConfigureAwait(false);
            PrintSummary(console, summary);
            return 0;
        });
        return command;
    }

    private static async Task<FileIngestSummary> RunWithProgressAsync(
        IAnsiConsole console, string[] files, Func<IProgress<FileIngestProgress>, CancellationToken, Task<FileIngestSummary>> run, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await run(new Progress<FileIngestProgress>(), cancellationToken).ConfigureAwait(false);
        }

        FileIngestSummary? summary = null;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = files.ToDictionary(f => f == "-" ? "stdin" : Path.GetFullPath(f), f => context.AddTask(Markup.Escape(Path.GetFileName(f)), maxValue: 1));
                var progress = new SynchronousProgress(p =>
                {
                    if (tasks.TryGetValue(p.Input, out var task))
                    {
                        task.MaxValue = Math.Max(1, p.TotalBytes);
                        task.Value = p.TotalBytes == 0 ? 0 : p.BytesRead;
                        task.Description = $"{Markup.Escape(Path.GetFileName(p.Input))} [grey]{p.Lines:N0} lines[/]";
                    }
                });
                summary = await run(progress, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        return summary!;
    }

    private static void PrintSummary(IAnsiConsole console, FileIngestSummary summary)
    {
        var table = new Table().AddColumn("Ingest").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Files", summary.Files.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Lines", summary.Lines.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Events stored", summary.Events.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Dead letters", summary.DeadLetters.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Duplicates dropped", summary.DuplicatesDropped.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("Elapsed", summary.Elapsed.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s");
        table.AddRow("Events/s", summary.EventsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        console.Write(table);
    }

    /// <summary>Reports on the caller's thread; Progress&lt;T&gt; would post to the thread pool and report out of order.</summary>
    private sealed class SynchronousProgress(Action<FileIngestProgress> report) : IProgress<FileIngestProgress>
    {
        public void Report(FileIngestProgress value) => report(value);
    }
}
