namespace LogSentinel.Detect.Alerts;

/// <summary>Severity bands of the 0-100 score.</summary>
public static class Severity
{
    public static string FromScore(int score) => score switch
    {
        >= 85 => "critical",
        >= 70 => "high",
        >= 40 => "medium",
        _ => "low",
    };
}
