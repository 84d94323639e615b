namespace LogSentinel.Store.DeadLetters;

/// <summary>Lines that could not be ingested. Nothing is dropped silently: every failed line lands here.</summary>
public interface IDeadLetterStore
{
    /// <summary>Stores dead letters; with <paramref name="skipStored"/>, those whose id is already stored are skipped (a re-delivered batch).</summary>
    Task InsertAsync(IReadOnlyCollection<DeadLetter> letters, bool skipStored = false, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeadLetter>> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken = default);

    /// <summary>Dead letters not yet re-driven, counted by reason.</summary>
    Task<IReadOnlyDictionary<string, ulong>> CountByReasonAsync(CancellationToken cancellationToken = default);

    /// <summary>Records the outcome of re-driving dead letters: <c>ingested</c> retires them; anything else keeps them listed.</summary>
    Task RecordRedrivesAsync(IReadOnlyCollection<DeadLetterRedrive> redrives, CancellationToken cancellationToken = default);
}

/// <summary>What happened when a dead letter was parsed again.</summary>
public sealed record DeadLetterRedrive(Guid Id, DateTime RedrivenAt, string Outcome, string Detail)
{
    public const string Ingested = "ingested";
    public const string StillFailing = "still_failing";
}
