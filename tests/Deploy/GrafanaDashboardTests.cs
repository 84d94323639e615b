using System.Text.Json;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Deploy;

/// <summary>The Grafana dashboards parse, and every ClickHouse query in them runs against the schema the migrations create.</summary>
public sealed class GrafanaDashboardTests
{
    private static IEnumerable<(string Dashboard, string Panel, string Sql)> ClickHouseQueries()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(DeployFiles.Root, "grafana", "dashboards"), "*.json").Order(StringComparer.Ordinal))
        {
            using var dashboard = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
            {
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    if (target.GetProperty("datasource").GetProperty("type").GetString() == "grafana-clickhouse-datasource")
                    {
                        yield return (Path.GetFileName(file), panel.GetProperty("title").GetString()!, target.GetProperty("rawSql").GetString()!);
                    }
                }
            }
        }
    }

    [Fact]
    public void Dashboards_CoverTrafficAlertsDeadLettersAndIngestLag()
    {
        var tables = string.Join('\n', ClickHouseQueries().Select(q => q.Sql));

        Assert.Contains("FROM logsentinel.rollup_agency_1m", tables, StringComparison.Ordinal);
        Assert.Contains("FROM logsentinel.alerts FINAL", tables, StringComparison.Ordinal);
        Assert.Contains("FROM logsentinel.dead_letters", tables, StringComparison.Ordinal);
        Assert.Contains("ingested_at", tables, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboards_EveryClickHouseQueryRunsOnTheMigratedSchema()
    {
        var database = SharedEngine.NewDatabase("grafana");
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        await store.InsertGatewayEventsAsync(SampleEvents.Gateway(50, accounts: 3));
        await store.InsertAppEventsAsync(SampleEvents.Lookups(50, accounts: 3));

        var queries = ClickHouseQueries().ToList();
        Assert.True(queries.Count >= 8);
        foreach (var (dashboard, panel, sql) in queries)
        {
            // Grafana's macros, as the plugin expands them, over a wide range; the database as this test's.
            var runnable = sql
                .Replace("$__fromTime", "toDateTime('2000-01-01 00:00:00')", StringComparison.Ordinal)
                .Replace("logsentinel.", database + ".", StringComparison.Ordinal);
            runnable = System.Text.RegularExpressions.Regex.Replace(runnable, @"\$__timeFilter\((\w+)\)", "$1 >= toDateTime('2000-01-01 00:00:00') AND $1 <= now()");
            var exception = await Record.ExceptionAsync(() => SharedEngine.Transport.QueryAsync(runnable, null, CancellationToken.None));
            Assert.True(exception is null, $"{dashboard} / {panel}: {exception?.Message}");
        }
    }
}
