namespace LogSentinel.Store.Tuning;

/// <summary>
/// The tuning document, versioned and append-only: every change stores the whole new document with who, when and
/// why; a revert stores an older version's content as a new version. Writers name the version they read
/// (optimistic concurrency): a change based on anything but the newest version is refused with
/// <see cref="TuningConflictException"/>.
/// </summary>
public interface ITuningStore
{
    /// <summary>The newest version, or <see cref="TuningVersion.Initial"/> when tuning was never changed.</summary>
    Task<TuningVersion> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>The newest version number only (0 when never changed): cheap enough to poll.</summary>
    Task<ulong> GetCurrentVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>One version, or null when there is no such version.</summary>
    Task<TuningVersion?> GetVersionAsync(ulong version, CancellationToken cancellationToken = default);

    /// <summary>Every version, newest first.</summary>
    Task<IReadOnlyList<TuningVersion>> GetHistoryAsync(CancellationToken cancellationToken = default);

    /// <summary>Validates the document's structure and stores it as the next version; returns that version.</summary>
    Task<TuningVersion> SaveAsync(TuningChange change, CancellationToken cancellationToken = default);

    /// <summary>Stores the content of <paramref name="version"/> as a new version, based on <paramref name="basedOn"/>.</summary>
    Task<TuningVersion> RevertAsync(ulong version, ulong basedOn, string actor, string reason, CancellationToken cancellationToken = default);
}
