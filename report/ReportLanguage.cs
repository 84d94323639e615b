namespace LogSentinel.Report;

/// <summary>The report languages: Vietnamese first, English for advisers.</summary>
public static class ReportLanguage
{
    public const string Vietnamese = "vi";
    public const string English = "en";

    public static bool IsKnown(string? language) => language is Vietnamese or English;

    /// <summary>The language, or an <see cref="ArgumentException"/> naming the accepted values.</summary>
    public static string Parse(string? language)
    {
        var normalized = (language ?? Vietnamese).Trim().ToLowerInvariant();
        return IsKnown(normalized) ? normalized : throw new ArgumentException($"Language '{language}' is not supported: use vi or en.", nameof(language));
    }
}
