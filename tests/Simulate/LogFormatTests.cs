using LogSentinel.Simulate.Output;

namespace LogSentinel.Tests.Simulate;

public sealed class LogFormatTests(ScenarioRunFixture fixture) : IClassFixture<ScenarioRunFixture>
{
    private readonly SimulatedRun _run = fixture.Run;

    [Fact]
    public void GatewayJson_EveryLine_FollowsTheSpec()
    {
        foreach (var line in _run.GatewayLines)
        {
            var problem = SpecChecker.CheckGatewayJson(line);
            Assert.True(problem is null, $"{problem}: {line}");
        }
    }

    [Fact]
    public void AppJson_EveryLine_FollowsTheSpec()
    {
        foreach (var line in _run.AppLines)
        {
            var problem = SpecChecker.CheckApp(line);
            Assert.True(problem is null, $"{problem}: {line}");
        }
    }

    [Fact]
    public void GatewayCombined_EveryLine_FollowsTheSpec()
    {
        using var run = SimulatedRun.Create(days: 3, accounts: 120, "brute_force:low,scripted_bulk_lookup:low", format: GatewayFormat.Combined);

        Assert.NotEmpty(run.GatewayLines);
        foreach (var line in run.GatewayLines)
        {
            var problem = SpecChecker.CheckGatewayCombined(line);
            Assert.True(problem is null, $"{problem}: {line}");
        }
    }

    [Fact]
    public void EveryFile_IsSortedByTime()
    {
        AssertSorted(_run.Gateway.Select(g => g.Ts));
        AssertSorted(_run.App.Select(a => a.Ts));
    }

    [Fact]
    public void EveryGatewayLookup_HasTheMatchingApplicationLookup()
    {
        var app = _run.App.Where(a => a.RequestId is not null).ToDictionary(a => a.RequestId!, StringComparer.Ordinal);
        var lookups = 0;
        foreach (var g in _run.Gateway.Where(g => g.IsLookup))
        {
            lookups++;
            Assert.True(app.TryGetValue(g.RequestId!, out var a), $"no app event for request {g.RequestId}");
            Assert.Equal("citizen_lookup", a.Event);
            Assert.Equal(g.Account, a.Account);
            Assert.Equal(g.Agency, a.Agency);
            Assert.Equal(g.ClientIp, a.ClientIp);
            Assert.InRange((a.Ts - g.Ts).TotalMilliseconds, 0, 1_000);
        }

        Assert.True(lookups > 10_000, $"only {lookups} lookups");
        Assert.Equal(lookups, _run.App.Count(a => a.Event == "citizen_lookup"));
    }

    [Fact]
    public void AuthenticationEvents_AppearInTheApplicationLog()
    {
        var events = _run.App.GroupBy(a => a.Event).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var name in new[] { "login", "login_failed", "logout", "password_change" })
        {
            Assert.True(events.GetValueOrDefault(name) > 0, $"no {name} events");
        }

        Assert.All(_run.App.Where(a => a.Event == "login"), a =>
        {
            Assert.NotNull(a.DefaultPassword);
            Assert.NotNull(a.PasswordAgeDays);
            Assert.NotNull(a.SessionId);
        });
    }

    [Fact]
    public void ReferenceData_IsConsistentWithTheLogs()
    {
        var accounts = _run.Accounts.ToDictionary(a => a["account"], StringComparer.Ordinal);
        var agencies = _run.Networks.Select(n => n["agency"]).ToHashSet(StringComparer.Ordinal);
        Assert.All(_run.Accounts, a =>
        {
            Assert.Contains(a["status"], new[] { "active", "transferred", "retired", "disabled" });
            SimulatedRun.Date(a["status_since"]);
            Assert.Contains(a["agency"], agencies);
        });
        Assert.All(_run.Gateway.Where(g => g.Account is not null), g => Assert.Equal(accounts[g.Account!]["agency"], g.Agency));
        Assert.All(_run.Delegations, d =>
        {
            Assert.Contains(d["account"], accounts.Keys);
            Assert.Contains(d["delegate"], accounts.Keys);
            Assert.True(SimulatedRun.Date(d["valid_from"]) <= SimulatedRun.Date(d["valid_to"]));
        });
    }

    private static void AssertSorted(IEnumerable<DateTimeOffset> times)
    {
        var previous = DateTimeOffset.MinValue;
        var n = 0;
        foreach (var t in times)
        {
            Assert.True(t >= previous, $"line {n} at {t:O} is before the previous line at {previous:O}");
            previous = t;
            n++;
        }
    }
}
