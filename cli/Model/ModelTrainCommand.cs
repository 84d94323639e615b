using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Detect;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Model;
using Spectre.Console;

namespace LogSentinel.Cli.Model;

/// <summary><c>logsentinel model train [--from D] [--to D]</c>: trains a model on the stored feature windows and saves it in shadow.</summary>
internal static class ModelTrainCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "First local day of windows to train on (yyyy-MM-dd); default: all." };
        var to = new Option<string?>("--to") { Description = "Last local day of windows to train on (yyyy-MM-dd); default: all." };
        var command = new Command("train", "Train a model (ML.NET RandomizedPca, fixed seed) on the feature windows replays stored; it starts in shadow.");
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = ReplayCommand.ReadModelOptions(parse);
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var first = Day(parse.GetValue(from), "--from");
            var last = Day(parse.GetValue(to), "--to");
            var catalog = new ModelCatalog(store, TimeProvider.System);
            try
            {
                var (record, summary) = await catalog.TrainAsync(first, last?.AddDays(1), options.Training, cancellationToken).ConfigureAwait(false);
                ConsoleOutput.For(parse).MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"Model {record.ModelId} trained on {summary.Windows:N0} windows ({record.TrainedFrom:yyyy-MM-dd} to {record.TrainedTo:yyyy-MM-dd}): {summary.Rank} components explain {summary.ExplainedVariance:P1} of the variance, threshold {summary.Threshold:0.##} (seed {summary.Seed}). It runs in shadow until `logsentinel model promote {record.ModelId}`.")));
            }
            catch (InvalidOperationException ex)
            {
                throw new ConfigurationException(ex.Message);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Midnight UTC+7 of a yyyy-MM-dd day, as UTC; null when not given.</summary>
    internal static DateTime? Day(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new ConfigurationException($"{option} '{text}' is not a yyyy-MM-dd date.");
        }

        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7)).UtcDateTime;
    }
}
