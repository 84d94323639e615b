using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Tuning;
using LogSentinel.Store.Events;
using LogSentinel.Store.Tuning;
using static LogSentinel.Tests.Tuning.TuningEvents;

namespace LogSentinel.Tests.Tuning;

/// <summary>Each kind of tuning changes what the engine raises, where alerts are raised, and nothing else.</summary>
public sealed class TuningEngineTests
{
    [Fact]
    public void Untuned_Burst_RaisesBruteForceOnAddressAndAccount()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");

        var alerts = Run(Engine(TuningDocument.Empty), batch).BruteForce().ToList();

        Assert.Contains(alerts, a => a.EntityKind == EntityKinds.Ip && a.Entity == "10.0.0.9");
        Assert.Contains(alerts, a => a.EntityKind == EntityKinds.Account && a.Entity == "tp.victim");
    }

    [Fact]
    public void ThresholdsRaised_Burst_RaisesNothing()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");

        var engine = Engine(Thresholds(("BruteForce:IpFailures", "40", null), ("BruteForce:AccountFailures", "40", null)));
        var alerts = Run(engine, batch);

        Assert.Empty(alerts.BruteForce());
        Assert.Equal(40, engine.Tuning.Options.BruteForce.IpFailures);
    }

    [Fact]
    public void SuppressionByEntityAndType_KeepsBackThatAlertOnly_AndCountsIt()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");

        var engine = Engine(new TuningDocument { Suppressions = [Rule("s1", AlertTypes.BruteForce, EntityKinds.Ip, "10.0.0.9")] });
        var alerts = Run(engine, batch).BruteForce().ToList();

        Assert.DoesNotContain(alerts, a => a.EntityKind == EntityKinds.Ip);
        Assert.Contains(alerts, a => a.EntityKind == EntityKinds.Account);
        Assert.True(engine.Stats.SuppressedByType[AlertTypes.BruteForce] >= 1);
        Assert.Empty(engine.Stats.AllowListedByType);
    }

    [Fact]
    public void SuppressionExpiringAfterTheBurst_StillKeepsItBack()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(T0 + 3_600_000);

        var alerts = Run(Engine(new TuningDocument { Suppressions = [Rule("s1", AlertTypes.BruteForce, expires: expires)] }), batch);

        Assert.Empty(alerts.BruteForce());
    }

    [Fact]
    public void SuppressionOfOtherType_RaisesAsUsual()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");

        var engine = Engine(new TuningDocument { Suppressions = [Rule("s1", AlertTypes.OffHours, EntityKinds.Ip, "10.0.0.9")] });

        Assert.Equal(2, Run(engine, batch).BruteForce().Count());
        Assert.Empty(engine.Stats.SuppressedByType);
    }

    [Fact]
    public void SuppressionByAgency_KeepsBackThatAgencysAlertsOnly()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");
        Burst(batch, T0, "tn.victim", "10.0.1.9");

        var alerts = Run(Engine(new TuningDocument { Suppressions = [Rule("s1", agency: "so-tp")] }), batch).BruteForce().ToList();

        Assert.DoesNotContain(alerts, a => a.Agency == "so-tp");
        Assert.Contains(alerts, a => a.Entity == "tn.victim");
        Assert.Contains(alerts, a => a.Entity == "10.0.1.9");
    }

    [Fact]
    public void SuppressionByNetwork_KeepsBackAddressAlertsInsideAndAccountAlertsWhoseSourcesAreAllInside()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");
        Burst(batch, T0, "tn.victim", "10.0.1.9");

        var alerts = Run(Engine(new TuningDocument { Suppressions = [Rule("s1", network: "10.0.0.0/24")] }), batch).BruteForce().ToList();

        Assert.Equal(["10.0.1.9", "tn.victim"], alerts.Select(a => a.Entity).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SuppressionExpiredBeforeTheBurst_RaisesAsUsual()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");
        var expired = DateTimeOffset.FromUnixTimeMilliseconds(T0 - 60_000);

        var alerts = Run(Engine(new TuningDocument { Suppressions = [Rule("s1", AlertTypes.BruteForce, expires: expired)] }), batch);

        Assert.Equal(2, alerts.BruteForce().Count());
    }

    [Fact]
    public void AllowListedNetwork_ForTheType_RaisesNothing_CountedAsAllowListed()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");

        var engine = Engine(new TuningDocument { AllowLists = [Rule("a1", AlertTypes.BruteForce, network: "10.0.0.0/24")] });
        var alerts = Run(engine, batch);

        Assert.Empty(alerts.BruteForce());
        Assert.True(engine.Stats.AllowListedByType[AlertTypes.BruteForce] >= 2);
        Assert.Empty(engine.Stats.SuppressedByType);
    }

    [Fact]
    public void AgencyScopedThreshold_AppliesToThatAgencysEntitiesOnly()
    {
        var batch = new AppEventBatch();
        Burst(batch, T0, "tp.victim", "10.0.0.9");
        Burst(batch, T0, "tn.victim", "10.0.1.9");

        var engine = Engine(Thresholds(("BruteForce:IpFailures", "40", "so-tp"), ("BruteForce:AccountFailures", "40", "so-tp")));
        var alerts = Run(engine, batch).BruteForce().ToList();

        Assert.Equal(["10.0.1.9", "tn.victim"], alerts.Select(a => a.Entity).Order(StringComparer.Ordinal));
        Assert.Equal(20, engine.Tuning.Options.BruteForce.IpFailures);
    }

    [Fact]
    public void AgencyScopedThreshold_ManyAccountsFromOneAddress_JudgedByTheAddresssNetworkAgency()
    {
        var batch = new AppEventBatch();
        for (var i = 0; i < 6; i++)
        {
            Add(batch, T0 + (i * 60_000), "login", $"tp.clerk{i}", "so-tp", "10.0.0.20");
            Add(batch, T0 + (i * 60_000), "login", $"tn.clerk{i}", "so-tn", "10.0.1.20");
        }

        var engine = Engine(Thresholds(("ManyAccountsOneSource:MinAccounts", "10", "so-tp")));
        var alerts = Run(engine, batch).Where(a => a.Type == AlertTypes.ManyAccountsOneSource).ToList();

        Assert.Equal("10.0.1.20", Assert.Single(alerts).Entity);
    }

    [Fact]
    public void Checkpoint_TakenBeforeAThresholdChange_RestoresIntoAnEngineWithTheNewTuning()
    {
        var first = new AppEventBatch();
        Burst(first, T0, "tp.victim", "10.0.0.9");
        Tick(first, T0 + (20 * 60_000));
        var second = new AppEventBatch();
        Burst(second, T0 + 3_600_000, "tn.victim", "10.0.1.9");
        var before = Engine(new TuningDocument { Suppressions = [Rule("s1", AlertTypes.BruteForce, EntityKinds.Ip, "10.0.0.9")] });
        Feed(before, first);
        var raisedBefore = Drain(before);
        var state = before.SaveState();

        var raised = new TuningDocument
        {
            Thresholds = [new ThresholdOverride("BruteForce:IpFailures", "40"), new ThresholdOverride("BruteForce:AccountFailures", "40")],
            Suppressions = [Rule("s1", AlertTypes.BruteForce, EntityKinds.Ip, "10.0.0.9")],
        };
        var after = Engine(raised);
        after.RestoreState(state);
        var alerts = Run(after, second);

        Assert.Empty(alerts.BruteForce());
        Assert.Equal(before.Stats.SuppressedByType, after.Stats.SuppressedByType);
        Assert.Equal(before.Stats.AlertsByType, after.Stats.AlertsByType);
        Assert.Contains(raisedBefore.Concat(alerts), a => a.Entity == "tp.victim");
    }

    [Fact]
    public void ApplyTuning_CompiledFromOtherWindowSizes_IsRefused()
    {
        var engine = Engine(TuningDocument.Empty);
        var other = new DetectionOptions();
        other.BruteForce.WindowMinutes = 5;

        Assert.Throws<InvalidOperationException>(() => engine.ApplyTuning(AppliedTuning.Compile(other, TuningDocument.Empty, 2)));
    }

    [Theory]
    [InlineData("BruteForce:IpFailures", "1", "BruteForce:IpFailures must be at least 2")]
    [InlineData("BruteForce:IpFailures", "many", "BruteForce:IpFailures must be a whole number, not 'many'")]
    [InlineData("BruteForce:Nope", "3", "BruteForce has no tunable setting 'Nope'")]
    [InlineData("BruteForce:WindowMinutes", "5", "shapes the detectors' state")]
    [InlineData("AllowedLateness", "00:05:00", "shapes the detectors' state")]
    [InlineData("OffHours:MinAgencyPeers", "-1", "OffHours:MinAgencyPeers must not be negative")]
    [InlineData("OffHours:WorkStart", "18:00", "OffHours:WorkStart must be before OffHours:WorkEnd")]
    public void Compile_BadThreshold_NamesTheFieldAndTheRange(string key, string value, string problem)
    {
        var error = Assert.Throws<TuningValidationException>(() => AppliedTuning.Compile(new DetectionOptions(), Thresholds((key, value, null)), 1));

        Assert.Equal($"thresholds[0] ({key})", error.Field);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_AgencyScopeOnAGatewayWideSetting_IsRefused()
    {
        var error = Assert.Throws<TuningValidationException>(() =>
            AppliedTuning.Compile(new DetectionOptions(), Thresholds(("Outage:MinRequests", "50", "so-tp")), 1));

        Assert.Contains("cannot be scoped to an agency", error.Message, StringComparison.Ordinal);
    }
}
