using System.CommandLine;
using LogSentinel.Cli.Hosting;

namespace LogSentinel.Cli.Store;

/// <summary>
/// <c>logsentinel store query "SQL"</c>: runs an operator's statement and prints the result as the engine
/// formats it (the statement's FORMAT clause, else tab-separated with a header row).
/// </summary>
internal static class StoreQueryCommand
{
    public static Command Create()
    {
        var sql = new Argument<string>("sql") { Description = "The statement; table names resolve in the LogSentinel database." };
        var command = new Command("query", "Run SQL against the store and print the result as ClickHouse formats it (default TSV with names).");
        command.Arguments.Add(sql);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = await RunAsync(parse, parse.GetRequiredValue(sql), cancellationToken).ConfigureAwait(false);
            var stdout = parse.InvocationConfiguration.Output;
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(stdout, Console.Out))
            {
                // Bytes as the engine produced them: a binary FORMAT must not pass through a text encoder.
                using var raw = Console.OpenStandardOutput();
                await raw.WriteAsync(output, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await stdout.WriteAsync(System.Text.Encoding.UTF8.GetString(output).AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Through a running <c>serve</c> that holds the data directory, else on the store directly.</summary>
    private static async Task<byte[]> RunAsync(ParseResult parse, string sql, CancellationToken cancellationToken)
    {
        using (var server = RunningServer.Find(parse))
        {
            if (server is not null)
            {
                return await server.RunOperatorQueryAsync(sql, cancellationToken).ConfigureAwait(false);
            }
        }

        await using var store = StoreOpener.Open(parse);
        return await store.RunOperatorQueryAsync(sql, cancellationToken).ConfigureAwait(false);
    }
}
