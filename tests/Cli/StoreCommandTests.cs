using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Cli;

public sealed class StoreCommandTests
{
    [Fact]
    public async Task StoreCheck_EmbeddedDefault_PrintsEngineVersionDataPathAndTableCounts()
    {
        var database = SharedEngine.NewDatabase();
        _ = SharedEngine.Transport;

        var (exitCode, output, error) = await CliRunner.RunAsync("store", "check", "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}");

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"Engine\s+ClickHouse \d+\.\d+", output);
        Assert.Contains(Path.GetFullPath(SharedEngine.DataPath), output, StringComparison.Ordinal);
        Assert.Contains("1000 rows written and read back identical", output, StringComparison.Ordinal);
        Assert.Matches(@"gateway_events\s*│\s*0", output);
        Assert.Matches(@"schema_migrations\s*│\s*" + LogSentinel.Store.Schema.Migrations.All.Count, output);
    }

    [Fact]
    public async Task StoreQuery_NoFormatClause_PrintsTsvWithNames()
    {
        var database = SharedEngine.NewDatabase();
        await using (var store = await SharedEngine.OpenMigratedAsync(database))
        {
            await store.InsertGatewayEventsAsync(SampleEvents.Gateway(20, accounts: 2));
        }

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "store", "query", "SELECT account, count() AS n FROM gateway_events GROUP BY account ORDER BY account",
            "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}");

        Assert.True(exitCode == 0, error);
        Assert.Equal("account\tn\ntp.vpdk.user0\t10\ntp.vpdk.user1\t10\n", output);
    }

    [Fact]
    public async Task StoreQuery_FormatClause_UsesTheStatementsFormat()
    {
        var database = SharedEngine.NewDatabase();
        _ = SharedEngine.Transport;

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "store", "query", "SELECT 1 AS one, 'a' AS two FORMAT JSONEachRow", "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}");

        Assert.True(exitCode == 0, error);
        Assert.Equal("{\"one\":1,\"two\":\"a\"}\n", output);
    }

    [Fact]
    public async Task StoreQuery_BadSql_OneClearErrorAndExitCode1()
    {
        _ = SharedEngine.Transport;

        var (exitCode, _, error) = await CliRunner.RunAsync(
            "store", "query", "SELEC 1 FROM", "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={SharedEngine.NewDatabase()}");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("logsentinel: ClickHouse: Code: 62.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheRoles()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("store", output, StringComparison.Ordinal);
    }
}
