using System.CommandLine;
using System.Text;
using LogSentinel.Cli.Hosting;
using LogSentinel.Store.Schema;

namespace LogSentinel.Cli.Store;

/// <summary>
/// <c>logsentinel store ddl [--cluster NAME]</c>: prints the schema the store's migrations create, as a script for
/// <c>clickhouse-client --multiquery</c>; with <c>--cluster</c>, in its cluster form (ON CLUSTER, Replicated
/// local tables, Distributed tables over them). It connects to nothing.
/// </summary>
internal static class StoreDdlCommand
{
    public static Command Create()
    {
        var cluster = new Option<string?>("--cluster")
        {
            Description = "Cluster name (from the servers' remote_servers): print ON CLUSTER statements with ReplicatedMergeTree local tables and Distributed tables over them.",
        };
        var command = new Command("ddl", "Print the schema (every migration, and the rows recording them) as SQL to apply with clickhouse-client; --cluster for a ClickHouse cluster.");
        command.Options.Add(cluster);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = StoreOpener.ReadOptions(parse);
            var clusterName = parse.GetValue(cluster);
            var statements = SchemaDdl.Generate(options.Database, options.RetentionDays, clusterName);
            var script = new StringBuilder()
                .Append("-- LogSentinel schema for database ").Append(options.Database)
                .Append(clusterName is null ? " on one server" : $" on cluster {clusterName}")
                .Append(", raw events kept ").Append(options.RetentionDays).Append(" days.\n")
                .Append("-- Apply with: clickhouse-client --multiquery < this-file (safe to apply again: every statement is idempotent).\n\n");
            foreach (var statement in statements)
            {
                script.Append(statement).Append(";\n\n");
            }

            await parse.InvocationConfiguration.Output.WriteAsync(script.ToString().AsMemory(), cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
