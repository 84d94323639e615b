using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Evaluation;
using LogSentinel.Store.Alerts;

namespace LogSentinel.Tests.Behaviour;

public sealed class QualityEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Evaluate_MatchesByEntityOrEvidence_AndTimeOverlap_CountsTheRestFalse()
    {
        EvaluationLabel[] labels =
        [
            new("brute_force", "ip", "10.0.0.9", T0, T0.AddMinutes(20), "low"),
            new("many_accounts_one_source", "ip", "10.0.0.50", T0, T0.AddHours(1), "low"),
            new("low_and_slow", "account", "quiet", T0, T0.AddDays(5), "low"),
        ];
        AlertRecord[] alerts =
        [
            Alert("brute_force", "ip", "10.0.0.9", T0.AddMinutes(5), T0.AddMinutes(12)),
            // About the labelled address through its evidence.
            Alert("unknown_source", "account", "victim", T0.AddMinutes(10), T0.AddMinutes(70), "{\"addresses\":[\"10.0.0.50\"]}"),
            // Right entity, days too late.
            Alert("brute_force", "ip", "10.0.0.9", T0.AddDays(3), T0.AddDays(3)),
            Alert("off_hours", "account", "someone", T0, T0.AddHours(1)),
            // The agency of the quiet account.
            Alert("unusual_volume", "agency", "HCM-CCT-Q1", T0.AddDays(2), T0.AddDays(3)),
        ];
        var agencies = new Dictionary<string, string> { ["quiet"] = "HCM-CCT-Q1" };

        var report = QualityEvaluator.Evaluate(labels, alerts, activeEntityDays: 2005, TimeSpan.FromHours(1), agencies);

        var brute = report.Scenarios.Single(s => s.Scenario == "brute_force");
        Assert.Equal(1, brute.Detected);
        Assert.Equal(TimeSpan.FromMinutes(12), brute.MedianTimeToDetect);
        Assert.Equal(0.5, brute.Precision);
        Assert.Equal(1, report.Scenarios.Single(s => s.Scenario == "many_accounts_one_source").Detected);
        var quiet = report.Scenarios.Single(s => s.Scenario == "low_and_slow");
        Assert.Equal(1, quiet.Detected);
        Assert.Equal(TimeSpan.FromDays(3), quiet.MedianTimeToDetect);
        Assert.Equal(2, report.FalseAlerts);
        Assert.Equal(2005 - 7, report.BenignEntityDays);
        Assert.Equal(2 * 1000.0 / 1998, report.FalseAlertsPer1000EntityDays, 6);
    }

    [Fact]
    public void LabelFile_BadLine_NamesFileLineAndField()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path, ["{\"scenario\":\"a\",\"entity_kind\":\"ip\",\"entity\":\"1.2.3.4\",\"start\":\"2024-01-01T00:00:00+07:00\",\"end\":\"2024-01-01T01:00:00+07:00\"}", "{\"scenario\":\"b\"}"]);

            var error = Assert.Throws<InvalidDataException>(() => LabelFile.Read(path));

            Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
            Assert.Contains("entity_kind", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AlertBudget_KeepsTheHighestScoresPerAgencyAndDay()
    {
        AlertRecord[] alerts =
        [
            Alert("off_hours", "account", "a", T0, T0, score: 40, agency: "X"),
            Alert("off_hours", "account", "b", T0, T0, score: 90, agency: "X"),
            Alert("off_hours", "account", "c", T0, T0, score: 70, agency: "X"),
            Alert("off_hours", "account", "d", T0.AddDays(1), T0.AddDays(1), score: 10, agency: "X"),
            Alert("off_hours", "account", "e", T0, T0, score: 10, agency: "Y"),
        ];

        var (kept, held) = AlertBudget.Apply(alerts, 2, TimeSpan.FromHours(7));
        var (all, none) = AlertBudget.Apply(alerts, 0, TimeSpan.FromHours(7));

        Assert.Equal(["b", "c", "d", "e"], kept.Select(a => a.Entity));
        Assert.Equal(1, held);
        Assert.Equal(5, all.Count);
        Assert.Equal(0, none);
    }

    private static AlertRecord Alert(string type, string kind, string entity, DateTimeOffset first, DateTimeOffset last, string evidence = "{}", byte score = 60, string agency = "") =>
        new(Guid.NewGuid(), type, kind, entity, agency, first.UtcDateTime, last.UtcDateTime, score, "medium", "open", string.Empty, string.Empty, "{}", evidence,
            string.Empty, string.Empty, first.UtcDateTime, last.UtcDateTime, 1, last.UtcDateTime, DateTime.UtcNow, DateTime.UtcNow, 1);
}
