namespace LogSentinel.Store.Models;

/// <summary>The feature vector of one entity over one closed window, kept to train models on.</summary>
/// <param name="EntityKind"><c>account</c>, <c>ip</c> or <c>agency</c>.</param>
/// <param name="Entity">The entity.</param>
/// <param name="WindowStart">Start of the window (UTC).</param>
/// <param name="Features">Feature values in the order of the model's feature names.</param>
public sealed record ModelWindowRecord(string EntityKind, string Entity, DateTime WindowStart, float[] Features);
