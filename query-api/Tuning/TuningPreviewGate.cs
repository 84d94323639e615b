namespace LogSentinel.QueryApi.Tuning;

/// <summary>Lets one tuning preview run at a time: each replays days of stored events in two engines.</summary>
internal sealed class TuningPreviewGate : IDisposable
{
    private readonly SemaphoreSlim _slot = new(1, 1);

    /// <summary>The turn (dispose it to end it), or null when a preview is already running.</summary>
    public IDisposable? TryEnter() => _slot.Wait(0) ? new Turn(_slot) : null;

    public void Dispose() => _slot.Dispose();

    private sealed class Turn(SemaphoreSlim slot) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slot.Release();
            }
        }
    }
}
