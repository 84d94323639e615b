namespace LogSentinel.Detect.Engine;

/// <summary>
/// Event-time progress: the newest event time seen minus the allowed lateness. Only moves forward; an event older
/// than the watermark is late.
/// </summary>
internal sealed class Watermark(long allowedLatenessMs)
{
    public const long NotStarted = long.MinValue;

    /// <summary>Newest event time seen (Unix ms), or <see cref="NotStarted"/>.</summary>
    public long MaxEventMs { get; private set; } = NotStarted;

    /// <summary>Current watermark (Unix ms), or <see cref="NotStarted"/> before the first event.</summary>
    public long Value { get; private set; } = NotStarted;

    public bool IsLate(long eventMs) => Value != NotStarted && eventMs < Value;

    /// <summary>Records an event time; returns the (possibly advanced) watermark.</summary>
    public long Observe(long eventMs)
    {
        if (eventMs > MaxEventMs)
        {
            MaxEventMs = eventMs;
            var candidate = eventMs - allowedLatenessMs;
            if (candidate > Value)
            {
                Value = candidate;
            }
        }

        return Value;
    }

    /// <summary>Sets both values as a checkpoint saved them.</summary>
    public void Restore(long maxEventMs, long value)
    {
        MaxEventMs = maxEventMs;
        Value = value;
    }

    /// <summary>Moves the watermark forward without an event (live mode when the input is idle); never back.</summary>
    public void AdvanceTo(long value)
    {
        if (value > Value)
        {
            Value = value;
        }
    }

    /// <summary>End of input: every window may close.</summary>
    public void Close() => Value = long.MaxValue;
}
