using LogSentinel.Store.DeadLetters;
using LogSentinel.Store.Events;

namespace LogSentinel.Ingest.Pipeline;

/// <summary>
/// Lines parsed since the last store write: gateway and application events in columnar form, and the dead
/// letters. Reused batch after batch; one per pipeline.
/// </summary>
public sealed class IngestBatch
{
    public IngestBatch(int capacity)
    {
        Gateway = new GatewayEventBatch(capacity);
        App = new AppEventBatch(capacity);
        Clear();
    }

    public int Lines { get; internal set; }

    public int Events => Gateway.Count + App.Count;

    public int DeadLetterCount => DeadLetters.Count;

    internal GatewayEventBatch Gateway { get; }

    internal AppEventBatch App { get; }

    internal List<DeadLetter> DeadLetters { get; } = [];

    internal long GatewayMinTs { get; set; }

    internal long GatewayMaxTs { get; set; }

    internal long AppMinTs { get; set; }

    internal long AppMaxTs { get; set; }

    public void Clear()
    {
        Lines = 0;
        Gateway.Clear();
        App.Clear();
        DeadLetters.Clear();
        GatewayMinTs = AppMinTs = long.MaxValue;
        GatewayMaxTs = AppMaxTs = long.MinValue;
    }
}
