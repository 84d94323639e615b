namespace LogSentinel.Store.State;

/// <summary>
/// Small named values that must survive a restart: ingest progress, detector checkpoints, per-entity memory.
/// The newest write of a key wins.
/// </summary>
public interface IStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every key starting with <paramref name="prefix"/> and its newest value.</summary>
    Task<IReadOnlyDictionary<string, string>> GetByPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    Task SetAsync(IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default);
}
