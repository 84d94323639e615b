namespace LogSentinel.Detect.Engine;

/// <summary>Classifies a User-Agent once per distinct header (the result is cached by interned id).</summary>
internal static class UserAgentClassifier
{
    private static readonly string[] ScriptMarkers =
    [
        "WinHttp", "MSXML", "ms-office", "MSOffice", "VBA", "curl", "python", "Java", "okhttp", "Go-http-client", "PowerShell", "Wget", "libwww",
        "HttpClient", "axios", "node-fetch",
    ];

    public static UserAgentClass Classify(string userAgent)
    {
        foreach (var marker in ScriptMarkers)
        {
            if (userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return UserAgentClass.Script;
            }
        }

        // "Mozilla/5.0" alone is what bots send; real browsers add their engine.
        return userAgent.StartsWith("Mozilla/", StringComparison.Ordinal) && userAgent.Contains('(', StringComparison.Ordinal)
            ? UserAgentClass.Browser
            : UserAgentClass.Unknown;
    }
}
