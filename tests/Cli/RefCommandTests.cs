using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Cli;

public sealed class RefCommandTests
{
    [Fact]
    public async Task RefLoad_ValidFiles_LoadsEachKindAndPrintsVersions()
    {
        var database = SharedEngine.NewDatabase();
        _ = SharedEngine.Transport;
        using var dir = new TempDirectory();
        var accounts = dir.Write("accounts.csv", "account,agency,role,status,status_since\na1,AG,officer,active,2023-01-01\na2,AG,officer,retired,2024-01-01\n");
        var networks = dir.Write("networks.csv", "agency,cidr,label\nAG,10.52.4.0/24,LAN\n");

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "ref", "load", "--accounts", accounts, "--networks", networks, "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}");

        Assert.True(exitCode == 0, error);
        Assert.Matches(@"accounts\s*│\s*1\s*│\s*2", output);
        Assert.Matches(@"networks\s*│\s*1\s*│\s*1", output);
    }

    [Fact]
    public async Task RefLoad_OneBadFile_LoadsNothingAndNamesFileLineField()
    {
        var database = SharedEngine.NewDatabase();
        await using var store = await SharedEngine.OpenMigratedAsync(database);
        using var dir = new TempDirectory();
        var accounts = dir.Write("accounts.csv", "account,agency,role,status,status_since\na1,AG,officer,active,2023-01-01\n");
        var networks = dir.Write("networks.csv", "agency,cidr,label\nAG,10.52.4.0/24,LAN\nAG,10.52.300.0/24,Wifi\n");

        var (exitCode, _, error) = await CliRunner.RunAsync(
            "ref", "load", "--accounts", accounts, "--networks", networks, "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}");

        Assert.Equal(1, exitCode);
        Assert.Contains("networks.csv line 3, field cidr: '10.52.300.0/24' is not an IPv4 or IPv6 address range", error, StringComparison.Ordinal);
        Assert.Empty(await store.Reference.GetVersionsAsync());
    }
}
