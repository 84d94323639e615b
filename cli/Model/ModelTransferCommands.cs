using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Model;
using LogSentinel.Store.Models;
using Spectre.Console;

namespace LogSentinel.Cli.Model;

/// <summary>
/// <c>logsentinel model export ID --out FILE</c> and <c>model import FILE</c>: moves a model between stores (a model trained on one
/// province's or a test world's history, used on another); an imported model starts in shadow.
/// </summary>
internal static class ModelTransferCommands
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command CreateExport()
    {
        var id = ModelCommand.IdArgument("The model to export.");
        var output = new Option<string>("--out") { Description = "File to write the model to (JSON).", Required = true };
        var command = new Command("export", "Write a model (parameters and training summary) to a JSON file.");
        command.Arguments.Add(id);
        command.Options.Add(output);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var wanted = parse.GetRequiredValue(id);
            var model = (await store.Models.ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(m => m.ModelId == wanted)
                ?? throw new InvalidDataException($"There is no model {wanted.ToString(CultureInfo.InvariantCulture)}; `logsentinel model list` shows the models.");
            await File.WriteAllTextAsync(parse.GetRequiredValue(output), JsonSerializer.Serialize(model, Json), cancellationToken).ConfigureAwait(false);
            ConsoleOutput.For(parse).MarkupLine(Markup.Escape($"Model {wanted} written to {parse.GetRequiredValue(output)}."));
            return 0;
        });
        return command;
    }

    public static Command CreateImport()
    {
        var file = new Argument<string>("file") { Description = "A file `model export` wrote." };
        var command = new Command("import", "Add a model exported from another store; it gets the next id here and starts in shadow.");
        command.Arguments.Add(file);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file);
            ModelRecord? exported;
            try
            {
                exported = JsonSerializer.Deserialize<ModelRecord>(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Json);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path} is not a model export: {ex.Message}", ex);
            }

            if (exported is null)
            {
                throw new InvalidDataException($"{path} is not a model export.");
            }

            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var record = await new ModelCatalog(store, TimeProvider.System).ImportAsync(exported, cancellationToken).ConfigureAwait(false);
            ConsoleOutput.For(parse).MarkupLine(Markup.Escape($"Imported as model {record.ModelId}, in shadow."));
            return 0;
        });
        return command;
    }
}
