using LogSentinel.Simulate.Output;

namespace LogSentinel.Tests.Simulate;

public sealed class SimulatorDeterminismTests
{
    private static readonly string[] Files = ["gateway.jsonl", "app.jsonl", "accounts.csv", "networks.csv", "delegations.csv", "labels.jsonl"];

    private const string AllLow =
        "scripted_bulk_lookup:low,unknown_source:low,account_sharing:low,many_accounts_one_source:low,weak_credentials:low," +
        "departed_account_use:low,brute_force:low,outage:low,low_and_slow:low";

    [Fact]
    public void Run_SameSeed_ByteIdenticalOutputWhateverTheParallelism()
    {
        using var first = SimulatedRun.Create(days: 6, accounts: 150, AllLow, seed: 42, parallelism: 1);
        using var second = SimulatedRun.Create(days: 6, accounts: 150, AllLow, seed: 42, parallelism: 2);

        foreach (var file in Files)
        {
            var a = File.ReadAllBytes(Path.Combine(first.Directory, file));
            var b = File.ReadAllBytes(Path.Combine(second.Directory, file));
            Assert.True(a.AsSpan().SequenceEqual(b), $"{file} differs between two runs with the same seed");
        }

        Assert.NotEmpty(first.GatewayLines);
        Assert.NotEmpty(first.LabelLines);
    }

    [Fact]
    public void Run_DifferentSeed_DifferentTraffic()
    {
        using var first = SimulatedRun.Create(days: 3, accounts: 100, "none", seed: 1);
        using var second = SimulatedRun.Create(days: 3, accounts: 100, "none", seed: 2);

        Assert.NotEqual(first.GatewayLines, second.GatewayLines);
        Assert.NotEqual(first.Accounts.Select(a => a["account"]), second.Accounts.Select(a => a["account"]));
    }

    [Fact]
    public void Run_CombinedFormat_SameSeed_ByteIdentical()
    {
        using var first = SimulatedRun.Create(days: 2, accounts: 100, "brute_force:low", seed: 5, format: GatewayFormat.Combined);
        using var second = SimulatedRun.Create(days: 2, accounts: 100, "brute_force:low", seed: 5, format: GatewayFormat.Combined);

        Assert.Equal(first.GatewayLines, second.GatewayLines);
        Assert.Equal(first.AppLines, second.AppLines);
    }
}
