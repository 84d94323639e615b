namespace LogSentinel.Store.Models;

/// <summary>One anomaly model as the store keeps it.</summary>
/// <param name="ModelId">1, 2, 3...: the order models were trained in.</param>
/// <param name="Kind">The scoring method, e.g. <c>pca</c>.</param>
/// <param name="Status"><c>shadow</c> (scored, no alerts), <c>promoted</c> (raises alerts; at most one) or <c>retired</c>.</param>
/// <param name="CreatedAt">Wall-clock time of training (UTC).</param>
/// <param name="TrainedFrom">First window of the training data (UTC).</param>
/// <param name="TrainedTo">Last window of the training data (UTC).</param>
/// <param name="Windows">Feature windows it was trained on.</param>
/// <param name="ParametersJson">What scoring needs (feature names, scaling, mean, eigenvectors, variances, threshold).</param>
/// <param name="SummaryJson">Training summary (rank, explained variance, seed).</param>
public sealed record ModelRecord(
    uint ModelId, string Kind, string Status, DateTime CreatedAt, DateTime TrainedFrom, DateTime TrainedTo, ulong Windows, string ParametersJson, string SummaryJson);
