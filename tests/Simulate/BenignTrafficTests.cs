namespace LogSentinel.Tests.Simulate;

/// <summary>A run without scenarios carries no labels and none of the signatures the detectors look for.</summary>
public sealed class BenignTrafficTests(BenignRunFixture fixture) : IClassFixture<BenignRunFixture>
{
    private readonly SimulatedRun _run = fixture.Run;

    [Fact]
    public void BenignRun_HasNoLabels()
    {
        Assert.Empty(_run.LabelLines);
        Assert.Empty(_run.Summary.Labels);
    }

    [Fact]
    public void BenignRun_EveryRequestComesFromARegisteredNetwork()
    {
        foreach (var ip in _run.Gateway.Select(g => g.ClientIp).Distinct())
        {
            Assert.True(_run.IsRegistered(ip), ip + " is outside every registered network");
        }
    }

    [Fact]
    public void BenignRun_NoScriptClientsNoServerErrorsNoWeakPasswords()
    {
        Assert.DoesNotContain(_run.Gateway, g => g.UserAgent!.Contains("WinHttp", StringComparison.Ordinal) || g.UserAgent.Contains("ms-office", StringComparison.Ordinal));
        Assert.DoesNotContain(_run.Gateway, g => g.Status >= 500);
        Assert.DoesNotContain(_run.App, a => a.DefaultPassword == true);
        Assert.DoesNotContain(_run.App, a => a.PasswordAgeDays > 30);
    }

    [Fact]
    public void BenignRun_DepartedStaffStopBeforeTheirStatusDate()
    {
        var departed = _run.Accounts.Where(a => a["status"] != "active").ToDictionary(a => a["account"], a => SimulatedRun.Date(a["status_since"]), StringComparer.Ordinal);
        Assert.NotEmpty(departed);
        Assert.All(_run.App.Where(a => departed.ContainsKey(a.Account)), a => Assert.True(DateOnly.FromDateTime(a.Ts.DateTime) < departed[a.Account]));
    }

    [Fact]
    public void BenignRun_AnAccountIsUsedFromAnotherDeskOnlyWithinADelegation()
    {
        Assert.NotEmpty(_run.Delegations);
        var windows = _run.Delegations.GroupBy(d => d["account"])
            .ToDictionary(g => g.Key, g => g.Select(d => (From: SimulatedRun.Date(d["valid_from"]), To: SimulatedRun.Date(d["valid_to"]))).ToList(), StringComparer.Ordinal);
        foreach (var account in _run.App.Where(a => a.Event == "citizen_lookup").GroupBy(a => a.Account))
        {
            var home = account.GroupBy(a => a.ClientIp).OrderByDescending(g => g.Count()).First().Key;
            foreach (var a in account.Where(a => a.ClientIp != home))
            {
                var day = DateOnly.FromDateTime(a.Ts.DateTime);
                Assert.True(windows.TryGetValue(account.Key, out var w) && w.Any(x => day >= x.From && day <= x.To),
                    $"{account.Key} used from {a.ClientIp} on {day} outside any delegation");
            }
        }
    }

    [Fact]
    public void BenignRun_HumanRhythm_WorkingHoursLunchDipQuietNights()
    {
        var human = _run.App.Where(a => a.Event == "citizen_lookup" && !a.Account.StartsWith("svc.", StringComparison.Ordinal)).ToList();
        int Hour(int h) => human.Count(a => a.Ts.Hour == h && a.Ts.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Friday);
        Assert.True(Hour(9) > 4 * Hour(12), $"09h {Hour(9)} vs 12h {Hour(12)}");
        Assert.True(Hour(15) > 4 * Hour(12), $"15h {Hour(15)} vs 12h {Hour(12)}");
        Assert.True(Hour(9) > 20 * Math.Max(1, Hour(3)), $"09h {Hour(9)} vs 03h {Hour(3)}");

        // Sundays are quiet for people; integrations keep running.
        var sunday = human.Count(a => a.Ts.DayOfWeek == DayOfWeek.Sunday);
        var weekday = human.Count(a => a.Ts.DayOfWeek == DayOfWeek.Wednesday);
        Assert.True(weekday > 10 * Math.Max(1, sunday), $"Wednesday {weekday} vs Sunday {sunday}");
        Assert.Contains(_run.App, a => a.Account.StartsWith("svc.", StringComparison.Ordinal) && a.Ts.DayOfWeek == DayOfWeek.Sunday && a.Ts.Hour == 3);
    }

    [Fact]
    public void BenignRun_VolumeIsHeavyTailed()
    {
        var perAccount = _run.App.Where(a => a.Event == "citizen_lookup" && !a.Account.StartsWith("svc.", StringComparison.Ordinal))
            .GroupBy(a => a.Account).Select(g => g.Count()).OrderByDescending(c => c).ToList();
        var top = perAccount.Take(perAccount.Count / 10).Sum();
        Assert.True(top > 0.3 * perAccount.Sum(), $"top decile does {top} of {perAccount.Sum()} lookups");
    }

    [Fact]
    public void BenignRun_SaturdayMorningsOnlyAtOneStopCentres_NightsOnlyForPolice()
    {
        var human = _run.App.Where(a => a.Event == "citizen_lookup" && !a.Account.StartsWith("svc.", StringComparison.Ordinal)).ToList();
        var saturday = human.Where(a => a.Ts.DayOfWeek == DayOfWeek.Saturday && a.Ts.Hour is >= 7 and < 21).ToList();
        Assert.NotEmpty(saturday);
        Assert.All(saturday, a => Assert.Contains("-BPMC-", a.Agency!, StringComparison.Ordinal));
        var night = human.Where(a => a.Ts.Hour is >= 0 and < 5).ToList();
        Assert.NotEmpty(night);
        Assert.All(night, a => Assert.Contains("-CA-", a.Agency!, StringComparison.Ordinal));
    }
}
