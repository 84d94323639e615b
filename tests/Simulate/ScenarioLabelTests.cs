using System.Globalization;

namespace LogSentinel.Tests.Simulate;

/// <summary>Each scenario shows in the logs as its label says: the entity, inside the window, with the scenario's signature.</summary>
public sealed class ScenarioLabelTests(ScenarioRunFixture fixture) : IClassFixture<ScenarioRunFixture>
{
    private readonly SimulatedRun _run = fixture.Run;

    [Fact]
    public void Labels_CoverEveryRequestedScenario_WithValidFields()
    {
        var scenarios = _run.Labels.Select(l => l.Scenario).ToHashSet(StringComparer.Ordinal);
        foreach (var name in ScenarioRunFixture.Scenarios.Split(','))
        {
            Assert.Contains(name.Split(':')[0], scenarios);
        }

        Assert.All(_run.Labels, l =>
        {
            Assert.Contains(l.EntityKind, new[] { "account", "ip", "agency", "gateway" });
            Assert.Contains(l.Intensity, new[] { "low", "medium", "high" });
            Assert.Equal(TimeSpan.FromHours(7), l.Start.Offset);
            Assert.True(l.Start <= l.End);
        });
    }

    [Fact]
    public void EveryLabel_HasEventsOfItsEntityInsideItsWindow()
    {
        foreach (var label in _run.Labels)
        {
            var count = label.EntityKind switch
            {
                "account" => _run.App.Count(a => a.Account == label.Entity && label.Covers(a.Ts)),
                "ip" => _run.Gateway.Count(g => g.ClientIp == label.Entity && label.Covers(g.Ts)),
                _ => _run.Gateway.Count(g => g.Status >= 500 && label.Covers(g.Ts)),
            };
            Assert.True(count > 0, $"{label.Scenario} {label.Entity}: no events in {label.Start:O}..{label.End:O}");
        }
    }

    [Fact]
    public void ScriptedBulkLookup_MachineRegularScriptClient()
    {
        var label = Single("scripted_bulk_lookup");
        var script = _run.Gateway
            .Where(g => g.Account == label.Entity && g.IsLookup && label.Covers(g.Ts))
            .Where(g => g.UserAgent!.Contains("WinHttp", StringComparison.Ordinal) || g.UserAgent!.Contains("ms-office", StringComparison.Ordinal))
            .ToList();
        Assert.True(script.Count >= 300, $"{script.Count} scripted lookups");

        // Machine-regular: the gaps of one run barely vary.
        var gaps = script.Zip(script.Skip(1), (a, b) => (b.Ts - a.Ts).TotalMilliseconds).Where(g => g < 60_000).ToList();
        var mean = gaps.Average();
        var sd = Math.Sqrt(gaps.Average(g => (g - mean) * (g - mean)));
        Assert.True(sd / mean < 0.05, $"gap mean {mean} ms, sd {sd} ms");

        // Nobody else uses a script client.
        Assert.All(_run.Gateway.Where(g => g.Account != label.Entity), g => Assert.DoesNotContain("WinHttp", g.UserAgent ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownSource_TrafficFromOutsideEveryRegisteredNetwork()
    {
        var label = Single("unknown_source");
        Assert.False(_run.IsRegistered(label.Entity));
        var fromIp = _run.App.Where(a => a.ClientIp == label.Entity).ToList();
        Assert.Contains(fromIp, a => a.Event == "citizen_lookup");
        Assert.All(fromIp, a => Assert.True(label.Covers(a.Ts)));
    }

    [Fact]
    public void AccountSharing_SimultaneousUseFromSeveralPlaces_WithoutDelegation()
    {
        var label = Single("account_sharing");
        Assert.DoesNotContain(_run.Delegations, d => d["account"] == label.Entity);
        var lookups = _run.App.Where(a => a.Account == label.Entity && a.Event == "citizen_lookup" && label.Covers(a.Ts)).ToList();

        // Within any ten minutes of the window, lookups come from two or more addresses at once.
        var overlapping = lookups.GroupBy(a => a.Ts.ToUnixTimeMilliseconds() / 600_000).Count(g => g.Select(a => a.ClientIp).Distinct().Count() >= 2);
        Assert.True(overlapping >= 3, $"{overlapping} ten-minute slots with concurrent addresses");
        Assert.True(lookups.Select(a => a.SessionId).Distinct().Count() >= 4);
    }

    [Fact]
    public void ManyAccountsOneSource_OneAddressLogsInAsManyAccounts()
    {
        var label = Single("many_accounts_one_source");
        var accounts = _run.App.Where(a => a.ClientIp == label.Entity && a.Event == "login" && label.Covers(a.Ts)).Select(a => a.Account).Distinct().Count();
        Assert.True(accounts >= 8, $"{accounts} accounts from {label.Entity}");
        Assert.True(_run.IsRegistered(label.Entity), "the synced-credentials source sits in an office network");
    }

    [Fact]
    public void WeakCredentials_EveryLoginInTheWindowReportsTheWeakPassword()
    {
        foreach (var label in _run.Labels.Where(l => l.Scenario == "weak_credentials"))
        {
            var logins = _run.App.Where(a => a.Account == label.Entity && a.Event == "login" && label.Covers(a.Ts)).ToList();
            Assert.NotEmpty(logins);
            Assert.All(logins, a => Assert.True(a.DefaultPassword == true || a.PasswordAgeDays > 30, $"{label.Entity}: {a.PasswordAgeDays} days"));
            Assert.DoesNotContain(_run.App, a => a.Account == label.Entity && a.Event == "password_change" && label.Covers(a.Ts));
        }
    }

    [Fact]
    public void DepartedAccountUse_UsedMoreThanFiveDaysAfterTheHandOver()
    {
        foreach (var label in _run.Labels.Where(l => l.Scenario == "departed_account_use"))
        {
            var row = _run.Accounts.Single(a => a["account"] == label.Entity);
            Assert.Contains(row["status"], new[] { "transferred", "retired" });
            var since = SimulatedRun.Date(row["status_since"]);
            var uses = _run.App.Where(a => a.Account == label.Entity && DateOnly.FromDateTime(a.Ts.DateTime) >= since).ToList();
            Assert.NotEmpty(uses);
            Assert.All(uses, a =>
            {
                Assert.True(DateOnly.FromDateTime(a.Ts.DateTime) > since.AddDays(5), $"used {a.Ts:O}, status since {since}");
                Assert.True(label.Covers(a.Ts));
            });
        }
    }

    [Fact]
    public void BruteForce_ManyFailedLoginsFromOneAddress()
    {
        var label = Single("brute_force");
        var fromIp = _run.App.Where(a => a.ClientIp == label.Entity).ToList();
        Assert.True(fromIp.Count(a => a.Event == "login_failed") >= 60);
        Assert.All(fromIp, a => Assert.Equal("login_failed", a.Event));
        Assert.All(fromIp, a => Assert.True(label.Covers(a.Ts)));
        Assert.True(_run.Gateway.Count(g => g.ClientIp == label.Entity && g.Status == 401) >= 60);
    }

    [Fact]
    public void Outage_GatewayWideSpikeAndServerErrors()
    {
        var label = Single("outage");
        Assert.Equal("gateway", label.EntityKind);
        var inside = _run.Gateway.Where(g => label.Covers(g.Ts)).ToList();
        var minutes = (label.End - label.Start).TotalMinutes;
        var insideRate = inside.Count / minutes;
        var day = _run.Gateway.Where(g => g.Ts.Date == label.Start.Date.AddDays(-7) && g.Ts.Hour is >= 8 and < 11).Count() / 180.0;
        Assert.True(insideRate > 5 * day, $"{insideRate:F0}/min inside, {day:F0}/min a week before");

        var insideErrors = inside.Count(g => g.Status >= 500) / (double)inside.Count;
        var outside = _run.Gateway.Where(g => !label.Covers(g.Ts)).ToList();
        var outsideErrors = outside.Count(g => g.Status >= 500) / (double)outside.Count;
        Assert.True(insideErrors > 0.3, string.Create(CultureInfo.InvariantCulture, $"{insideErrors:P1} 5xx inside"));
        Assert.Equal(0, outsideErrors);
        Assert.Contains(inside, g => g.Account is null);
    }

    [Fact]
    public void LowAndSlow_AboveTheAccountsOwnBaselineForDays()
    {
        var label = Single("low_and_slow");
        var perDay = _run.App.Where(a => a.Account == label.Entity && a.Event == "citizen_lookup")
            .GroupBy(a => DateOnly.FromDateTime(a.Ts.DateTime))
            .ToDictionary(g => g.Key, g => g.Count());
        var inside = perDay.Where(p => label.Covers(new DateTimeOffset(p.Key.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7)))).Select(p => p.Value).ToList();
        var outside = perDay.Where(p => !label.Covers(new DateTimeOffset(p.Key.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7)))).Select(p => p.Value).ToList();
        Assert.True(inside.Count >= 5 && outside.Count >= 5, $"{inside.Count} days inside, {outside.Count} outside");
        var ratio = inside.Average() / outside.Average();
        // Medium: 2.5 times the working days' volume; the days outside also hold Saturdays and the boost spans weekdays.
        Assert.InRange(ratio, 1.6, 4.0);
    }

    private LabelRecord Single(string scenario) => Assert.Single(_run.Labels, l => l.Scenario == scenario);
}
