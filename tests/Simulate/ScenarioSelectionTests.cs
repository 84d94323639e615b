using LogSentinel.Simulate.Scenarios;

namespace LogSentinel.Tests.Simulate;

public sealed class ScenarioSelectionTests
{
    [Theory]
    [InlineData("none")]
    [InlineData("")]
    [InlineData(null)]
    public void Parse_None_NoScenarios(string? text) => Assert.Empty(ScenarioSelection.Parse(text));

    [Fact]
    public void Parse_All_EveryScenarioAtMedium()
    {
        var all = ScenarioSelection.Parse("all");
        Assert.Equal(Enum.GetValues<ScenarioKind>(), all.Select(s => s.Kind));
        Assert.All(all, s => Assert.Equal(ScenarioIntensity.Medium, s.Intensity));
    }

    [Fact]
    public void Parse_List_IntensityStartAndTarget()
    {
        var list = ScenarioSelection.Parse("scripted_bulk_lookup:high, brute_force:low@2024-01-10T21:30#10.20.3.250,outage");

        Assert.Equal(3, list.Count);
        Assert.Equal(new ScenarioRequest(ScenarioKind.ScriptedBulkLookup, ScenarioIntensity.High), list[0]);
        Assert.Equal(ScenarioKind.BruteForce, list[1].Kind);
        Assert.Equal(ScenarioIntensity.Low, list[1].Intensity);
        Assert.Equal(new DateTimeOffset(2024, 1, 10, 21, 30, 0, TimeSpan.FromHours(7)), list[1].Start);
        Assert.Equal("10.20.3.250", list[1].Target);
        Assert.Equal(ScenarioIntensity.Medium, list[2].Intensity);
    }

    [Theory]
    [InlineData("bulk_lookup")]
    [InlineData("brute_force:extreme")]
    [InlineData("brute_force@yesterday")]
    [InlineData("outage,outage")]
    public void Parse_Invalid_FormatExceptionNamingIt(string text) => Assert.Throws<FormatException>(() => ScenarioSelection.Parse(text));

    [Fact]
    public void Run_RequestedStartAndTarget_AreHonoured()
    {
        using var run = SimulatedRun.Create(days: 4, accounts: 100, "brute_force:low@2024-01-03T21:30#10.20.3.250,unknown_source:low#203.0.113.9");

        var brute = Assert.Single(run.Labels, l => l.Scenario == "brute_force");
        Assert.Equal("10.20.3.250", brute.Entity);
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 21, 30, 0, TimeSpan.FromHours(7)), brute.Start);
        var unknown = Assert.Single(run.Labels, l => l.Scenario == "unknown_source");
        Assert.Equal("203.0.113.9", unknown.Entity);
        Assert.Contains(run.Gateway, g => g.ClientIp == "203.0.113.9");
    }
}
