using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Evaluation;
using LogSentinel.Detect.Model;
using Spectre.Console;

namespace LogSentinel.Cli.Model;

/// <summary><c>logsentinel model evaluate ID [--labels F]</c>: scores the stored feature windows with a model.</summary>
internal static class ModelEvaluateCommand
{
    public static Command Create()
    {
        var id = ModelCommand.IdArgument("The model to evaluate.");
        var labels = new Option<string?>("--labels") { Description = "Ground-truth labels (JSON lines) to measure how the model ranks labelled windows." };
        var command = new Command("evaluate", "Score the stored feature windows with a model: windows over its threshold and, with labels, the AUC of labelled windows.");
        command.Arguments.Add(id);
        command.Options.Add(labels);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var wanted = parse.GetRequiredValue(id);
            var record = (await store.Models.ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.ModelId == wanted)
                ?? throw new InvalidDataException($"There is no model {wanted.ToString(CultureInfo.InvariantCulture)}; `logsentinel model list` shows the models.");
            var model = PcaModel.FromJson(record.ModelId, record.ParametersJson);
            var windows = await store.Models.ReadWindowsAsync(null, null, cancellationToken).ConfigureAwait(false);
            var truth = parse.GetValue(labels) is { } path ? LabelFile.Read(path) : [];
            var result = ModelEvaluation.Evaluate(model, windows, truth);
            var table = new Table().AddColumn($"Model {wanted} ({record.Status})").AddColumn(new TableColumn(string.Empty).RightAligned());
            table.AddRow("Windows scored", result.Windows.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("Threshold", model.Threshold.ToString("0.##", CultureInfo.InvariantCulture));
            table.AddRow("Over threshold", result.OverThreshold.ToString("N0", CultureInfo.InvariantCulture));
            table.AddRow("Over threshold per 1,000 windows", (result.Windows == 0 ? 0 : result.OverThreshold * 1000.0 / result.Windows).ToString("0.##", CultureInfo.InvariantCulture));
            if (truth.Count > 0)
            {
                table.AddRow("Labelled windows", result.LabelledWindows.ToString("N0", CultureInfo.InvariantCulture));
                table.AddRow("Labelled windows over threshold", result.LabelledOverThreshold.ToString("N0", CultureInfo.InvariantCulture));
                table.AddRow("AUC (labelled vs other windows)", double.IsNaN(result.Auc) ? "-" : result.Auc.ToString("0.000", CultureInfo.InvariantCulture));
            }

            var console = ConsoleOutput.For(parse);
            console.Write(table);
            var highest = new Table().AddColumn("Highest-scoring windows").AddColumn("Day (local)").AddColumn(new TableColumn("Score").RightAligned()).AddColumn("Labelled");
            foreach (var w in result.Top)
            {
                highest.AddRow(Markup.Escape($"{w.EntityKind} {w.Entity}"), (w.WindowStart + TimeSpan.FromHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    w.Score.ToString("0.#", CultureInfo.InvariantCulture), w.Labelled ? "yes" : string.Empty);
            }

            console.Write(highest);
            return 0;
        });
        return command;
    }
}
