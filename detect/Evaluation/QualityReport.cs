namespace LogSentinel.Detect.Evaluation;

/// <summary>How one scenario (at one intensity) was detected.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Intensity">Its intensity, empty when the labels do not say.</param>
/// <param name="Labels">Labels of the scenario.</param>
/// <param name="Detected">Labels with at least one matching alert.</param>
/// <param name="AlertTypes">Alert types that own the scenario (their precision is the scenario's).</param>
/// <param name="TypeAlerts">Alerts of those types.</param>
/// <param name="TypeAlertsMatched">Of those, the ones matching some label.</param>
/// <param name="MedianTimeToDetect">Median over detected labels of the first matching alert's detection time minus the label's start.</param>
public sealed record ScenarioQuality(
    string Scenario, string Intensity, int Labels, int Detected, IReadOnlyList<string> AlertTypes, int TypeAlerts, int TypeAlertsMatched, TimeSpan? MedianTimeToDetect)
{
    public double Recall => Labels == 0 ? double.NaN : (double)Detected / Labels;

    public double Precision => TypeAlerts == 0 ? double.NaN : (double)TypeAlertsMatched / TypeAlerts;
}

/// <summary>Alerts of one type: how many, and how many matched a label.</summary>
public sealed record TypeQuality(string Type, int Alerts, int Matched);

/// <summary>The whole comparison of alerts with labels.</summary>
/// <param name="Scenarios">Per scenario and intensity.</param>
/// <param name="Types">Per alert type.</param>
/// <param name="Alerts">Alerts compared.</param>
/// <param name="FalseAlerts">Alerts matching no label.</param>
/// <param name="BenignEntityDays">Active account-, address- and agency-days outside every label.</param>
public sealed record QualityReport(IReadOnlyList<ScenarioQuality> Scenarios, IReadOnlyList<TypeQuality> Types, int Alerts, int FalseAlerts, long BenignEntityDays)
{
    public double Precision => Alerts == 0 ? double.NaN : (double)(Alerts - FalseAlerts) / Alerts;

    public double FalseAlertsPer1000EntityDays => BenignEntityDays == 0 ? double.NaN : FalseAlerts * 1000.0 / BenignEntityDays;
}
