using System.Text;
using LogSentinel.Store;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.FileIngest;

/// <summary>
/// Officers who sign in with their own citizen id: the id is their account in the logs and in accounts.csv.
/// It must reach no table in clear, and the reference data must still describe the events of that account.
/// </summary>
public sealed class AccountPrivacyTests
{
    private const string OfficerId = "079190001234";
    private const string DelegateId = "001290004321";

    [Fact]
    public async Task RefLoadThenIngest_AccountsThatAreCitizenIds_PseudonymizedAlikeAndNowhereInClear()
    {
        var database = SharedEngine.NewDatabase();
        _ = SharedEngine.Transport;
        using var dir = new TempDirectory();
        var accounts = dir.Write("accounts.csv", $"account,agency,role,status,status_since\n{OfficerId},BTH-VPDK,officer,retired,2024-01-01\ntp.user1,BTH-VPDK,officer,active,2023-01-01\n");
        var delegations = dir.Write("delegations.csv", $"account,delegate,valid_from,valid_to,reason\n{OfficerId},{DelegateId},2024-01-01T00:00:00+07:00,2024-02-01T00:00:00+07:00,leave\n");
        var gateway = dir.Write("gateway.jsonl", $$"""
            {"ts":"2024-01-15T09:12:33.000+07:00","client_ip":"10.52.4.21","method":"POST","path":"/api/dancu/v1/tra-cuu","status":200,"account":"{{OfficerId}}","agency":"BTH-VPDK"}
            {"ts":"2024-01-15T09:12:34.000+07:00","client_ip":"10.52.4.21","method":"POST","path":"/api/dancu/v1/tra-cuu","status":200,"account":"tp.user1","agency":"BTH-VPDK"}

            """);
        var app = dir.Write("app.jsonl", $$"""
            {"ts":"2024-01-15T09:12:33.100+07:00","event":"citizen_lookup","account":"{{OfficerId}}","agency":"BTH-VPDK","client_ip":"10.52.4.21","citizen_id":"052301004512","result":"found"}

            """);
        string[] common = ["--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}"];

        var load = await CliRunner.RunAsync(["ref", "load", "--accounts", accounts, "--delegations", delegations, .. common]);
        var ingest = await CliRunner.RunAsync(["ingest", gateway, app, .. common]);

        Assert.True(load.ExitCode == 0, load.Error);
        Assert.True(ingest.ExitCode == 0, ingest.Error);
        Assert.DoesNotContain(OfficerId, load.Output + ingest.Output, StringComparison.Ordinal);
        await using var store = StoreFactory.Open(SharedEngine.Options(database));
        foreach (var table in (await store.GetTableRowCountsAsync()).Select(c => c.Table))
        {
            var dump = Encoding.UTF8.GetString(SharedEngine.Transport.QueryRaw($"SELECT * FROM {database}.{table} FORMAT TSV", "TSV", null));
            Assert.DoesNotContain(OfficerId, dump, StringComparison.Ordinal);
            Assert.DoesNotContain(DelegateId, dump, StringComparison.Ordinal);
            Assert.DoesNotContain("052301004512", dump, StringComparison.Ordinal);
        }

        var referenced = (await store.Reference.GetAccountsAsync()).Select(a => a.Account).ToHashSet();
        var logged = Encoding.UTF8.GetString(SharedEngine.Transport.QueryRaw(
            $"SELECT DISTINCT account FROM (SELECT account FROM {database}.gateway_events UNION ALL SELECT account FROM {database}.app_events) FORMAT TSV", "TSV", null))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, logged.Length);
        Assert.All(logged, account => Assert.Contains(account, referenced));
        var delegation = Assert.Single(await store.Reference.GetDelegationsAsync());
        Assert.Contains(delegation.Account, logged);
        Assert.StartsWith("cccd-", delegation.Delegate, StringComparison.Ordinal);
    }
}
