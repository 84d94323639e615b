using LogSentinel.Detect;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Feedback;
using LogSentinel.Detect.Model;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Models;
using static LogSentinel.Tests.Behaviour.BehaviourTraffic;

namespace LogSentinel.Tests.Behaviour;

/// <summary>unusual_volume through the engine, on synthetic officers: baselines, peers, models in shadow and promoted, feedback, checkpoints.</summary>
public sealed class UnusualVolumeEngineTests
{
    [Fact]
    public void SteadyOfficers_RaiseNoUnusualVolume()
    {
        var (alerts, _) = Run(Steady(12, 20, 20));

        Assert.DoesNotContain(alerts, a => a.Type == AlertTypes.UnusualVolume);
    }

    [Fact]
    public void Officer_QuadruplesItsLookupsForAWeek_Alerted_WithExplanationInBothLanguages()
    {
        var officers = Steady(12, 20, 20);
        for (var d = 15; d < 20; d++)
        {
            officers[0].Daily[d] = 80;
        }

        var (alerts, _) = Run(officers);

        var alert = Assert.Single(alerts, a => a.Type == AlertTypes.UnusualVolume && a.EntityKind == EntityKinds.Account);
        Assert.Equal(officers[0].Name, alert.Entity);
        Assert.Equal(IncidentCategory.DataTheft, alert.Category);
        Assert.Contains(alert.Explanation.Features, f => f.Name == "lookups_today" && f.Observed == 80 && f.Expected < 30);
        Assert.Contains("looked up 80 citizens", alert.Explanation.SummaryEn, StringComparison.Ordinal);
        Assert.Contains("tra cứu 80 công dân", alert.Explanation.SummaryVi, StringComparison.Ordinal);
        Assert.True(alert.Evidence.Counts["own_history_days"] >= 10);
    }

    [Fact]
    public void NewAccount_FirstDay_JudgedAgainstItsPeers()
    {
        var officers = Steady(12, 20, 20);
        officers.Add(new Officer("hcm.cct.newcomer", "HCM-CCT-Q1", [.. Enumerable.Repeat(0, 19), 2000]));

        var (alerts, _) = Run(officers);

        var alert = Assert.Single(alerts, a => a.Type == AlertTypes.UnusualVolume && a.EntityKind == EntityKinds.Account);
        Assert.Equal("hcm.cct.newcomer", alert.Entity);
        Assert.Equal(0, alert.Evidence.Counts["own_history_days"]);
        Assert.Contains("officer/CCT", alert.Explanation.SummaryEn, StringComparison.Ordinal);
    }

    [Fact]
    public void ShadowModel_ScoresEveryDay_RaisesNothing_PromotedSameModel_Raises()
    {
        var model = TrainOnSteadyOfficers();
        var officers = Steady(12, 20, 20);
        officers[3].Daily[19] = 300;
        var rulesOff = RulesOff();

        var (shadowAlerts, shadowEngine) = Run(officers, new BehaviourModels(null, [model]), options: rulesOff);
        var windows = new List<ModelWindowRecord>();
        var scores = new List<ModelScoreRecord>();
        shadowEngine.DrainBehaviour(windows, scores);
        var (promotedAlerts, _) = Run(officers, new BehaviourModels(model, []), options: rulesOff);

        Assert.DoesNotContain(shadowAlerts, a => a.Type == AlertTypes.UnusualVolume);
        Assert.Equal(windows.Count, scores.Count);
        Assert.Contains(scores, s => s.Entity == officers[3].Name && s.OverThreshold);
        var alert = Assert.Single(promotedAlerts, a => a.Type == AlertTypes.UnusualVolume && a.EntityKind == EntityKinds.Account);
        Assert.Equal(officers[3].Name, alert.Entity);
        Assert.Contains(alert.Explanation.Features, f => f.Name == "model_score" && f.Observed >= f.Expected);
        Assert.Equal(model.Id, alert.Evidence.Counts["model_id"]);
    }

    [Fact]
    public void Replay_WithPromotedModel_TwiceAndAcrossACheckpoint_SameAlerts()
    {
        var model = TrainOnSteadyOfficers();
        var officers = Steady(12, 20, 20);
        officers[3].Daily[19] = 300;
        for (var d = 12; d < 20; d++)
        {
            officers[5].Daily[d] = 90;
        }

        var models = new BehaviourModels(model, []);
        var (first, _) = Run(officers, models);
        var (second, _) = Run(officers, models);

        // Cut the same traffic in two with a checkpoint in the middle.
        var reference = BehaviourTraffic.Reference(officers);
        var batch = Lookups(officers);
        var before = new DetectionEngine(new DetectionOptions(), reference, TimeProvider.System, models, FeedbackSet.Empty);
        for (var row = 0; row < batch.Count / 2; row++)
        {
            before.Add(batch, row);
        }

        var drained = new List<DetectedAlert>();
        before.DrainChangedAlerts(drained);
        var state = before.SaveState();
        var after = new DetectionEngine(new DetectionOptions(), reference, TimeProvider.System, models, FeedbackSet.Empty);
        after.RestoreState(state);
        for (var row = batch.Count / 2; row < batch.Count; row++)
        {
            after.Add(batch, row);
        }

        after.Complete();
        after.DrainChangedAlerts(drained);
        var resumed = drained.GroupBy(a => a.Id).Select(g => g.Last()).ToList();

        Assert.Contains(first, a => a.Type == AlertTypes.UnusualVolume);
        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(Describe(first), Describe(resumed));
        var other = new DetectionEngine(new DetectionOptions(), reference, TimeProvider.System, BehaviourModels.None, FeedbackSet.Empty);
        Assert.Throws<InvalidDataException>(() => other.RestoreState(state));
    }

    [Fact]
    public void Feedback_FalsePositiveOnTheSameTypeAndEntity_HalvesTheScore_UntilItExpires()
    {
        var officers = Steady(12, 20, 20);
        for (var d = 15; d < 20; d++)
        {
            officers[0].Daily[d] = 80;
        }

        // The recent-days and day tests only: the drift test would add raises of other scores to the same alert, whose
        // evidence keeps the first raise's (the score the highest).
        var detection = new DetectionOptions();
        detection.UnusualVolume.DriftZ = 0;
        var (plain, _) = Run(officers, options: detection);
        var original = plain.Single(a => a.Type == AlertTypes.UnusualVolume && a.EntityKind == EntityKinds.Account);
        var closed = Closed(original, "false_positive", lastSeen: Start.AddDays(10));
        var expired = Closed(original, "false_positive", lastSeen: Start.AddDays(-60));
        var options = new FeedbackOptions();

        var (lowered, _) = Run(officers, feedback: FeedbackSet.FromAlerts([closed], options), options: detection);
        var (notLowered, _) = Run(officers, feedback: FeedbackSet.FromAlerts([expired], options), options: detection);
        var (otherVerdict, _) = Run(officers, feedback: FeedbackSet.FromAlerts([Closed(original, "true_positive", Start.AddDays(10))], options), options: detection);

        var alert = lowered.Single(a => a.Type == AlertTypes.UnusualVolume && a.EntityKind == EntityKinds.Account);
        Assert.Equal((int)Math.Round(original.Score * 0.5), alert.Score);
        Assert.Equal(original.Score, alert.Evidence.Counts["feedback_lowered_score_from"]);
        Assert.Equal(original.Score, notLowered.Single(a => a.Id == original.Id).Score);
        Assert.Equal(original.Score, otherVerdict.Single(a => a.Id == original.Id).Score);
    }

    internal static PcaModel TrainOnSteadyOfficers()
    {
        var (_, engine) = Run(Steady(40, 20, 20), options: RulesOff());
        var windows = new List<ModelWindowRecord>();
        engine.DrainBehaviour(windows, []);
        return PcaTrainer.Train(1, [.. windows.Select(w => w.Features)], BehaviourFeatures.Names, new PcaTrainingOptions()).Model;
    }

    private static DetectionOptions RulesOff()
    {
        var options = new DetectionOptions();
        options.UnusualVolume.SustainedZ = 1000;
        options.UnusualVolume.DayZ = 1000;
        options.UnusualVolume.DriftZ = 0;
        return options;
    }

    private static AlertRecord Closed(DetectedAlert alert, string disposition, DateTimeOffset lastSeen) => AlertRecords.ToRecord(alert, 5, DateTimeOffset.UnixEpoch) with
    {
        State = "closed",
        Disposition = disposition,
        LastSeen = lastSeen.UtcDateTime,
    };

    private static List<string> Describe(IEnumerable<DetectedAlert> alerts) =>
        [.. alerts.OrderBy(a => a.Id).Select(a => $"{a.Id} {a.Type} {a.Entity} {a.Score} {a.Occurrences} {a.DetectedAtMs} {a.Explanation.SummaryEn}")];
}
