namespace LogSentinel.Store.Tuning;

/// <summary>A change was based on a version that is no longer the newest: someone else changed tuning meanwhile.</summary>
public sealed class TuningConflictException(ulong basedOn, ulong current)
    : StoreException($"The tuning change was made on version {basedOn}, but version {current} is now the newest; read it again and redo the change.")
{
    public ulong BasedOn { get; } = basedOn;

    public ulong Current { get; } = current;
}
