using System.Net;
using LogSentinel.Store.Reference;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Reference;

public sealed class ReferenceStoreTests
{
    [Fact]
    public async Task LoadAccounts_SecondLoadReplacesFirst_AndBothStayAsHistory()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var first = new[] { new AccountRecord("a1", "AG", "officer", AccountStatus.Active, new DateOnly(2023, 1, 1)) };
        var second = new[]
        {
            new AccountRecord("a1", "AG", "officer", AccountStatus.Transferred, new DateOnly(2024, 3, 1)),
            new AccountRecord("a2", "AG", "leader", AccountStatus.Active, new DateOnly(2024, 3, 1)),
        };

        var v1 = await store.Reference.LoadAccountsAsync(first, "accounts-1.csv", "tester");
        var v2 = await store.Reference.LoadAccountsAsync(second, "accounts-2.csv", "tester");
        var current = await store.Reference.GetAccountsAsync();
        var history = await store.Reference.GetVersionsAsync();

        Assert.Equal(1UL, v1.Version);
        Assert.Equal(2UL, v2.Version);
        Assert.Equal(second, current);
        Assert.Equal(["accounts-2.csv", "accounts-1.csv"], history.Select(h => h.Source));
    }

    [Fact]
    public async Task Load_EachKindIsVersionedOnItsOwn()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var network = new NetworkRecord("AG", "10.52.4.0/24", IPAddress.Parse("::ffff:10.52.4.0"), IPAddress.Parse("::ffff:10.52.4.255"), "LAN");
        var delegation = new DelegationRecord("a1", "b1", new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.FromHours(7)), new DateTimeOffset(2024, 1, 19, 0, 0, 0, TimeSpan.FromHours(7)), "leave");

        await store.Reference.LoadNetworksAsync([network], "networks.csv", "tester");
        await store.Reference.LoadDelegationsAsync([delegation], "delegations.csv", "tester");
        var networks = await store.Reference.GetNetworksAsync();
        var delegations = await store.Reference.GetDelegationsAsync();

        Assert.Equal([network], networks);
        Assert.Equal(delegation.ValidFrom, delegations.Single().ValidFrom);
        Assert.Equal(delegation.ValidTo, delegations.Single().ValidTo);
        Assert.Empty(await store.Reference.GetAccountsAsync());
    }

    [Fact]
    public async Task Load_RowsWrittenButVersionNotRecorded_ReadersKeepThePreviousVersion()
    {
        var database = SharedEngine.NewDatabase();
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        var kept = new[] { new AccountRecord("a1", "AG", "officer", AccountStatus.Active, new DateOnly(2023, 1, 1)) };
        await store.Reference.LoadAccountsAsync(kept, "accounts.csv", "tester");

        // A load that died after writing its rows but before recording its version.
        SharedEngine.Transport.QueryRaw($"INSERT INTO {database}.ref_accounts VALUES (2, 'intruder', 'AG', 'officer', 'active', '2024-01-01')", "TSV", null);
        var current = await store.Reference.GetAccountsAsync();
        var next = await store.Reference.LoadAccountsAsync(kept, "accounts.csv", "tester");

        Assert.Equal(kept, current);
        Assert.Equal(3UL, next.Version);
        Assert.Equal(kept, await store.Reference.GetAccountsAsync());
    }
}
