namespace LogSentinel.Detect.Live;

/// <summary>
/// Wall time from the consumption of the event that decided an alert change to the store's acknowledgement of the
/// alert's row (after which a query reads it). Thread-safe; kept whole, a run's changes are few.
/// </summary>
public sealed class AlertLatency
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();

    /// <summary>Alert changes measured.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _milliseconds.Count;
            }
        }
    }

    internal void Record(double milliseconds)
    {
        lock (_gate)
        {
            _milliseconds.Add(milliseconds);
        }
    }

    /// <summary>The <paramref name="percentile"/> (0-100) in milliseconds by nearest rank; NaN when nothing was measured.</summary>
    public double Percentile(double percentile)
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _milliseconds];
        }

        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
