using LogSentinel.Cli.Serve;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.QueryApi;

/// <summary>
/// While <c>serve</c> holds an embedded data directory, <c>alerts</c>, <c>store query</c> and <c>ref load</c> work
/// through it instead of failing on the directory lock. The server runs as a separate process, as an operator's would.
/// (<see cref="RunOwnershipTests"/> does the same beside <c>run</c> with every <c>tune</c> subcommand and <c>report</c>.)
/// </summary>
public sealed class ServeOwnershipTests
{
    [Fact]
    public async Task Commands_BesideARunningServe_GoThroughItsApi()
    {
        using var data = new TempDirectory();
        var dataDir = Path.Combine(data.Path, "data");
        var server = await RoleProcess.StartAsync("is serving", ["serve", "--urls", "http://127.0.0.1:0", "--data-dir", dataDir]);
        try
        {
            var owner = ServeOwnership.Read(dataDir);
            Assert.NotNull(owner);
            var networks = data.Write("networks.csv", "agency,cidr,label\nAG,10.52.4.0/24,branch LAN\n");
            var bad = data.Write("accounts.csv", "account,agency,role,status,status_since\na1,AG,officer,sleeping,2024-01-01\n");

            var alerts = await CliRunner.RunAsync("alerts", "--json", "--data-dir", dataDir);
            var load = await CliRunner.RunAsync("ref", "load", "--networks", networks, "--data-dir", dataDir);
            var query = await CliRunner.RunAsync("store", "query", "SELECT count() FROM ref_networks", "--data-dir", dataDir);
            var rejected = await CliRunner.RunAsync("ref", "load", "--accounts", bad, "--data-dir", dataDir);

            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ServeOwnership.PathIn(dataDir)));
            }

            Assert.True(alerts.ExitCode == 0, alerts.Error);
            Assert.Equal("[]", alerts.Output.Trim());
            Assert.True(load.ExitCode == 0, load.Error);
            Assert.Contains(owner.Url, load.Output, StringComparison.Ordinal);
            Assert.True(query.ExitCode == 0, query.Error);
            Assert.Equal("1", query.Output.Trim().Split('\n').Last());
            Assert.Equal(1, rejected.ExitCode);
            Assert.Contains("line 2, field status", rejected.Error, StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }

        // A dead server's file is ignored: the process named in it is gone.
        Assert.Null(ServeOwnership.Read(dataDir));
    }

    [Fact]
    public void RunningServer_OfAnotherDatabase_IsNotUsed()
    {
        // The shared test engine holds many databases in one directory: a process serving one of them must not take
        // the commands meant for another.
        using var data = new TempDirectory();
        new ServeOwnership("http://127.0.0.1:1", "key", Environment.ProcessId, "served").Write(data.Path);

        using var same = LogSentinel.Cli.Hosting.RunningServer.Find(Parse(data.Path, "served"));
        using var other = LogSentinel.Cli.Hosting.RunningServer.Find(Parse(data.Path, "another"));

        Assert.NotNull(same);
        Assert.Null(other);
    }

    private static System.CommandLine.ParseResult Parse(string dataDir, string database) =>
        LogSentinel.Cli.Hosting.LogSentinelCli.CreateRoot().Parse(["alerts", "--data-dir", dataDir, "-s", $"Store:Database={database}"]);
}
