namespace LogSentinel.Ingest.Pipeline;

/// <summary>What one store write did.</summary>
/// <param name="Lines">Lines in the batch.</param>
/// <param name="Events">Events written.</param>
/// <param name="DuplicatesDropped">Events already stored by an earlier delivery, not written again.</param>
/// <param name="DeadLetters">Lines set aside as dead letters.</param>
/// <param name="Attempts">Store writes it took (more than one when the store failed and came back).</param>
public sealed record IngestBatchResult(int Lines, int Events, int DuplicatesDropped, int DeadLetters, int Attempts);
