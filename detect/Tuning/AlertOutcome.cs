namespace LogSentinel.Detect.Tuning;

/// <summary>What tuning does with an alert candidate.</summary>
internal enum AlertOutcome
{
    Raise,

    /// <summary>Matched an allow-list entry: known good for this type; not raised.</summary>
    AllowListed,

    /// <summary>Matched a suppression: not raised, counted.</summary>
    Suppressed,
}
