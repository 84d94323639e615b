using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Tuning;

/// <summary><c>logsentinel tune</c>: changes need a reason, record their actor, and bad keys or values are named.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class TuneCommandTests
{
    [Fact]
    public async Task SetSuppressCalendar_ThenShowAndHistory_ListEveryChangeWithActorAndReason()
    {
        var db = Database();

        var set = await Tune(db, "set", "bruteforce:ipfailures=30", "--reason", "one-stop centre retries", "--actor", "lan");
        var suppress = await Tune(db, "suppress", "--type", "off_hours", "--entity", "account:tp.a", "--until", "2026-12-31", "--reason", "approved overtime");
        var calendar = await Tune(db, "calendar", "--holiday", "2026-12-24", "--reason", "province decision");
        var show = await Tune(db, "show");
        var json = await Tune(db, "show", "--json");
        var history = await Tune(db, "history");

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("Tuning version 1: set BruteForce:IpFailures=30", set.Output, StringComparison.Ordinal);
        Assert.Contains("Tuning version 2: suppress s2: off_hours; account tp.a", suppress.Output, StringComparison.Ordinal);
        Assert.Equal(0, calendar.ExitCode);
        Assert.Contains("BruteForce:IpFailures", show.Output, StringComparison.Ordinal);
        Assert.Contains("approved overtime", show.Output, StringComparison.Ordinal);
        Assert.Contains("Extra holidays: 2026-12-24", show.Output, StringComparison.Ordinal);
        Assert.Contains("\"key\": \"BruteForce:IpFailures\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("lan", history.Output, StringComparison.Ordinal);
        Assert.Contains("province decision", history.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BruteForce:IpFailures=1", "BruteForce:IpFailures must be at least 2")]
    [InlineData("BruteForce:Nope=3", "BruteForce has no tunable setting 'Nope'")]
    [InlineData("Outage:MinErrorShare=2", "Outage:MinErrorShare must be in (0, 1]")]
    [InlineData("VolumeSpike:WindowMinutes=10", "shapes the detectors' state")]
    public async Task Set_BadKeyOrValue_FailsNamingKeyAndRange_StoresNothing(string assignment, string message)
    {
        var db = Database();

        var result = await Tune(db, "set", assignment, "--reason", "try");
        var history = await Tune(db, "show");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains("version 0", history.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_WithoutReason_IsRefusedByTheParser()
    {
        var result = await Tune(Database(), "set", "BruteForce:IpFailures=30");

        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task Set_BasedOnAnOlderVersion_IsRefused_ThenRevertRestoresVersionOne()
    {
        var db = Database();
        await Tune(db, "set", "BruteForce:IpFailures=30", "--reason", "first");
        await Tune(db, "set", "BruteForce:IpFailures=50", "--reason", "second");

        var stale = await Tune(db, "set", "BruteForce:IpFailures=60", "--reason", "third", "--based-on", "1");
        var revert = await Tune(db, "revert", "1", "--reason", "50 hid a real attack");
        var json = await Tune(db, "show", "--json");

        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("made on version 1, but version 2 is now the newest", stale.Error, StringComparison.Ordinal);
        Assert.Contains("Tuning version 3: revert to version 1", revert.Output, StringComparison.Ordinal);
        Assert.Contains("\"value\": \"30\"", json.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_UnknownId_FailsNamingIt()
    {
        var result = await Tune(Database(), "remove", "s9", "--reason", "cleanup");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'s9'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_NoStoredEvents_SaysSo()
    {
        var result = await Tune(Database(), "preview", "BruteForce:IpFailures=30", "--days", "3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No stored events", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BruteForce:IpFailures=1", "BruteForce:IpFailures must be at least 2")]
    [InlineData("BruteForce:Nope=3", "BruteForce has no tunable setting 'Nope'")]
    [InlineData("BruteForce:IpFailures=lots", "BruteForce:IpFailures must be a whole number")]
    [InlineData("VolumeSpike:WindowMinutes=10", "shapes the detectors' state")]
    public async Task Preview_BadKeyOrValue_FailsNamingTheKey(string assignment, string message)
    {
        var result = await Tune(Database(), "preview", assignment, "--days", "3");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    private static string Database()
    {
        _ = SharedEngine.Transport;
        return SharedEngine.NewDatabase("tune");
    }

    private static Task<(int ExitCode, string Output, string Error)> Tune(string database, params string[] args) =>
        CliRunner.RunAsync(["tune", .. args, "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}"]);
}
