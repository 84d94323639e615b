using System.Text.RegularExpressions;
using LogSentinel.Store.Schema;
using LogSentinel.Store.Transport;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Deploy;

/// <summary>
/// The embedded engine has no cluster, so the cluster DDL cannot run here as printed. Its shape can: with one
/// shard and no replication (Replicated engines as their plain form, each Distributed table as a view over its
/// local table, which is what a one-shard Distributed table reads), events written to the local tables must give
/// the same rollups through the rewired views as the single-server schema gives.
/// </summary>
public sealed partial class ClusterDdlShapeTests
{
    private const string Cluster = "logsentinel_cluster";

    [Fact]
    public async Task ClusterDdl_OnOneShard_LocalTablesAndViewsGiveTheSameRollupsAsTheSingleServerSchema()
    {
        var single = SharedEngine.NewDatabase("single");
        await using (var store = await SharedEngine.OpenMigratedAsync(single))
        {
            await store.InsertGatewayEventsAsync(SampleEvents.Gateway(300, accounts: 7));
            await store.InsertAppEventsAsync(SampleEvents.Lookups(300, accounts: 7, citizens: 40));
        }

        var clustered = SharedEngine.NewDatabase("cluster");
        foreach (var statement in SchemaDdl.Generate(clustered, 400, Cluster).Where(s => s.StartsWith("CREATE", StringComparison.Ordinal)))
        {
            await ExecuteAsync(OnOneShard(statement, clustered));
        }

        await ExecuteAsync($"INSERT INTO {clustered}.gateway_events_local SELECT * FROM {single}.gateway_events");
        await ExecuteAsync($"INSERT INTO {clustered}.app_events_local SELECT * FROM {single}.app_events");

        foreach (var (table, keys) in new[] { ("rollup_account_1m", "minute, account, agency"), ("rollup_ip_1m", "minute, client_ip"), ("rollup_agency_1m", "minute, agency") })
        {
            var distinct = table switch
            {
                "rollup_account_1m" => "uniqMerge(distinct_citizens), uniqMerge(distinct_ips)",
                "rollup_ip_1m" => "uniqMerge(distinct_citizens), uniqMerge(distinct_accounts)",
                _ => "uniqMerge(distinct_citizens), uniqMerge(distinct_accounts), uniqMerge(distinct_ips)",
            };
            var sql = $"SELECT {keys}, sum(requests), sum(client_errors), sum(server_errors), sum(lookups), sum(failed_logins), {distinct} FROM {{0}}.{table} GROUP BY {keys} ORDER BY {keys}";
            var expected = await RowsAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, single));
            var actual = await RowsAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, clustered));

            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }

        // The entity views chained on the rollups run on the shard too.
        foreach (var sql in new[]
        {
            "SELECT kind, entity, toDateTime(min(first_seen)), toDateTime(max(last_seen)), sum(requests), sum(lookups) FROM {0}.entity_seen GROUP BY kind, entity ORDER BY kind, entity",
            "SELECT kind, entity, hour, sum(requests), sum(client_errors), sum(server_errors), sum(lookups), sum(failed_logins) FROM {0}.entity_activity_1h " +
            "GROUP BY kind, entity, hour ORDER BY kind, entity, hour",
        })
        {
            var expected = await RowsAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, single));
            var actual = await RowsAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, clustered));

            Assert.NotEmpty(expected);
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>The cluster statement as one unreplicated shard runs it.</summary>
    private static string OnOneShard(string statement, string database)
    {
        var distributed = DistributedTable().Match(statement);
        if (distributed.Success)
        {
            return $"CREATE VIEW IF NOT EXISTS {database}.{distributed.Groups["name"].Value} AS SELECT * FROM {database}.{distributed.Groups["local"].Value}";
        }

        var local = statement.Replace($" ON CLUSTER {Cluster}", string.Empty, StringComparison.Ordinal);
        return ReplicatedEngine().Replace(local, "${engine}(");
    }

    private static Task ExecuteAsync(string sql) => SharedEngine.Transport.ExecuteAsync(sql, null, CancellationToken.None);

    private static async Task<List<string>> RowsAsync(string sql) =>
        (await SharedEngine.Transport.QueryAsync(sql, null, CancellationToken.None)).Rows.Select(r => string.Join('|', r)).ToList();

    [GeneratedRegex(@"^CREATE TABLE IF NOT EXISTS \w+\.(?<name>\w+) ON CLUSTER \w+ AS \w+\.(?<local>\w+)\s+ENGINE = Distributed\(")]
    private static partial Regex DistributedTable();

    [GeneratedRegex(@"Replicated(?<engine>\w*MergeTree)\('/clickhouse/tables/\{shard\}/\{database\}/\{table\}', '\{replica\}'(?:, )?")]
    private static partial Regex ReplicatedEngine();
}
