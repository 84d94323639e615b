namespace LogSentinel.Detect.Model;

/// <summary>What training found: components kept, windows used, share of variance the components explain, the quantile score and the threshold.</summary>
public sealed record PcaTrainingSummary(int Rank, int Windows, double ExplainedVariance, double QuantileScore, double Threshold, int Seed);
