using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LogSentinel.Cli.Hosting;
using Spectre.Console;

namespace LogSentinel.Cli.Model;

/// <summary><c>logsentinel model list</c>: every model with its status, training data and what it said in shadow.</summary>
internal static class ModelListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List the models: status (shadow, promoted, retired), training data, threshold and shadow scores.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var models = await store.Models.ListAsync(cancellationToken).ConfigureAwait(false);
            var scores = (await store.Models.SummarizeScoresAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.ModelId);
            var table = new Table().AddColumn("Id").AddColumn("Status").AddColumn("Trained at (UTC)").AddColumn("Windows from").AddColumn("to")
                .AddColumn(new TableColumn("Windows").RightAligned()).AddColumn("Summary").AddColumn(new TableColumn("Shadow: scored / over threshold / entities").RightAligned());
            foreach (var m in models)
            {
                var shadow = scores.TryGetValue(m.ModelId, out var s)
                    ? string.Create(CultureInfo.InvariantCulture, $"{s.Windows:N0} / {s.OverThreshold:N0} / {s.EntitiesOverThreshold:N0}")
                    : "-";
                table.AddRow(
                    m.ModelId.ToString(CultureInfo.InvariantCulture), m.Status, m.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    m.TrainedFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.TrainedTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    m.Windows.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(Summary(m.SummaryJson)), shadow);
            }

            ConsoleOutput.For(parse).Write(table);
            return 0;
        });
        return command;
    }

    private static string Summary(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return string.Join(", ", doc.RootElement.EnumerateObject().Select(p => p.Name + " " + p.Value.GetRawText()));
    }
}
