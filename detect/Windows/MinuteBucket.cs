namespace LogSentinel.Detect.Windows;

/// <summary>Sums of one entity's events in one minute of event time; each detector gives the fields its own meaning.</summary>
internal struct MinuteBucket
{
    public long Count;
    public long Flagged;
    public double Sum;
    public double SumOfSquares;
    public long Other;
    public long Requests;
    public long Marked;
}
