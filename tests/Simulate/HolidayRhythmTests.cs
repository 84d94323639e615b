namespace LogSentinel.Tests.Simulate;

public sealed class HolidayRhythmTests
{
    [Fact]
    public void Tet_NearZeroHumanTraffic()
    {
        // Tet 2024 ran from Thursday 8 to Wednesday 14 February.
        using var run = SimulatedRun.Create(days: 12, accounts: 150, "none", start: new DateOnly(2024, 2, 5));
        var human = run.App.Where(a => a.Event == "citizen_lookup" && !a.Account.StartsWith("svc.", StringComparison.Ordinal))
            .GroupBy(a => DateOnly.FromDateTime(a.Ts.DateTime)).ToDictionary(g => g.Key, g => g.Count());
        var before = (human.GetValueOrDefault(new DateOnly(2024, 2, 5)) + human.GetValueOrDefault(new DateOnly(2024, 2, 6))) / 2.0;
        for (var d = new DateOnly(2024, 2, 8); d <= new DateOnly(2024, 2, 14); d = d.AddDays(1))
        {
            Assert.True(human.GetValueOrDefault(d) < before * 0.1, $"{d}: {human.GetValueOrDefault(d)} lookups vs {before} before Tet");
        }

        Assert.True(human.GetValueOrDefault(new DateOnly(2024, 2, 15)) > before * 0.5, "work resumes after Tet");
    }
}
