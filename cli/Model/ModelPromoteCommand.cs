using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Hosting;
using LogSentinel.Detect.Model;
using Spectre.Console;

namespace LogSentinel.Cli.Model;

/// <summary><c>logsentinel model promote ID</c>: the model raises alerts from the next detection run; the previously promoted one is retired.</summary>
internal static class ModelPromoteCommand
{
    public static Command Create()
    {
        var id = ModelCommand.IdArgument("The model to promote.");
        var command = new Command("promote", "Promote a model: from the next detection run its scores may raise unusual_volume alerts; the previously promoted model is retired.");
        command.Arguments.Add(id);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = StoreOpener.Open(parse);
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
            var promoted = await new ModelCatalog(store, TimeProvider.System).PromoteAsync(parse.GetRequiredValue(id), cancellationToken).ConfigureAwait(false);
            ConsoleOutput.For(parse).MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Model {promoted.ModelId} is promoted; detection runs started from now on score with it.")));
            return 0;
        });
        return command;
    }
}
