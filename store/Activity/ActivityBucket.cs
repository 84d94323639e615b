namespace LogSentinel.Store.Activity;

/// <summary>Bucket widths of an activity timeline.</summary>
public enum ActivityBucket
{
    Minute,
    Hour,
    Day,
}
