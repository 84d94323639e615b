namespace LogSentinel.Detect.Alerts;

/// <summary>Why an alert was raised: its deciding features and one plain sentence in English and in Vietnamese.</summary>
/// <param name="Features">The deciding features, most important first.</param>
/// <param name="SummaryEn">One sentence in English.</param>
/// <param name="SummaryVi">The same sentence in Vietnamese.</param>
public sealed record AlertExplanation(IReadOnlyList<AlertFeature> Features, string SummaryEn, string SummaryVi);
