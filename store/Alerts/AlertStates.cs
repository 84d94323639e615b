namespace LogSentinel.Store.Alerts;

/// <summary>The analyst workflow: <c>new</c> -> <c>investigating</c> -> <c>closed</c> (closing needs a disposition).</summary>
public static class AlertStates
{
    public const string New = "new";
    public const string Investigating = "investigating";
    public const string Closed = "closed";

    /// <summary>What detectors write; read as <see cref="New"/>.</summary>
    public const string DetectorOpen = "open";

    public static IReadOnlyList<string> All { get; } = [New, Investigating, Closed];

    public static IReadOnlyList<string> Dispositions { get; } = ["true_positive", "benign", "false_positive", "duplicate"];

    /// <summary>
    /// Whether an alert in <paramref name="from"/> may move to <paramref name="to"/>: forward one step, straight to
    /// closed (a duplicate needs no investigation), or a closed alert reopened for investigation.
    /// </summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (New, Investigating) => true,
        (New, Closed) => true,
        (Investigating, Closed) => true,
        (Closed, Investigating) => true,
        _ => false,
    };
}
