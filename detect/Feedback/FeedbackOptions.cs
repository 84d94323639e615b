namespace LogSentinel.Detect.Feedback;

/// <summary>How analysts' verdicts change later scores (<c>Detection:Feedback</c>).</summary>
public sealed class FeedbackOptions
{
    /// <summary>Event-time days after the closed alert's last occurrence during which its verdict lowers new scores (default 30).</summary>
    public int ExpiryDays { get; set; } = 30;

    /// <summary>Factor applied to the score of a new detection of the same type and entity (default 0.5).</summary>
    public double ScoreFactor { get; set; } = 0.5;

    /// <summary>Dispositions of closed alerts that count as "this was fine" (default <c>benign,false_positive</c>).</summary>
    public string Dispositions { get; set; } = "benign,false_positive";

    internal string[] ParseDispositions() => Dispositions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    internal void Validate()
    {
        DetectionOptions.Require(ExpiryDays is >= 0 and <= 3650, "Feedback:ExpiryDays must be between 0 and 3650");
        DetectionOptions.Require(ScoreFactor is >= 0 and <= 1, "Feedback:ScoreFactor must be between 0 and 1");
    }
}
