using LogSentinel.Detect.Engine;
using LogSentinel.Store.Tuning;

namespace LogSentinel.Detect.Tuning;

/// <summary>
/// Keeps a running engine on the newest tuning without a restart: between batches the live loop calls
/// <see cref="RefreshAsync"/>, which at most once per <see cref="TuningOptions.RefreshInterval"/> of wall clock asks
/// the store for the newest version number and, when it moved, compiles that document and swaps it into the engine.
/// A stored document that no longer compiles against the configuration keeps the engine on what it has.
/// </summary>
public sealed class TuningWatcher(ITuningStore store, DetectionEngine engine, TimeProvider time, TuningOptions options)
{
    private long _lastCheck = long.MinValue;
    private ulong _rejected;

    /// <summary>The last problem met while applying a newer version (it stays on the previous one), or null.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// Applies the tuning current in the store now, whatever the interval; returns true when the engine changed.
    /// Throws <see cref="TuningValidationException"/> when that document does not compile against the configuration.
    /// </summary>
    public async Task<bool> ApplyCurrentAsync(CancellationToken cancellationToken)
    {
        _lastCheck = time.GetTimestamp();
        var current = await store.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        if (current.Version == engine.Tuning.Version)
        {
            return false;
        }

        engine.ApplyTuning(AppliedTuning.Compile(engine.Tuning.Configured, current.Document, current.Version));
        return true;
    }

    /// <summary>Checks for a newer version when the interval has passed since the last check; returns true when the engine changed.</summary>
    public async ValueTask<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_lastCheck != long.MinValue && time.GetElapsedTime(_lastCheck) < options.RefreshInterval)
        {
            return false;
        }

        _lastCheck = time.GetTimestamp();
        var version = await store.GetCurrentVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version == engine.Tuning.Version || version == _rejected)
        {
            return false;
        }

        try
        {
            var changed = await ApplyCurrentAsync(cancellationToken).ConfigureAwait(false);
            LastError = null;
            return changed;
        }
        catch (TuningValidationException ex)
        {
            // A live engine keeps running on what it has; the version is not retried until a newer one is stored.
            _rejected = version;
            LastError = $"Tuning version {version} was not applied: {ex.Message}";
            return false;
        }
    }
}
