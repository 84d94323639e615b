namespace LogSentinel.Report;

/// <summary>Settings of the daily report, bound from the <c>Report</c> section.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Report";

    /// <summary>When the scheduler generates the previous day's report: a cron expression in local time (default 06:00 every day).</summary>
    public string Schedule { get; set; } = "0 6 * * *";

    /// <summary>Where the scheduler (and <c>logsentinel report</c> without <c>--out</c>) writes the files (default <c>./reports</c>).</summary>
    public string OutputDirectory { get; set; } = "./reports";

    /// <summary>Language of scheduled reports: <c>vi</c> (default) or <c>en</c>.</summary>
    public string Language { get; set; } = ReportLanguage.Vietnamese;

    /// <summary>Entries in each top-risk list (default 5).</summary>
    public int TopCount { get; set; } = 5;

    /// <summary>A source whose median delay from event to storage exceeds this is reported late (default 15 minutes).</summary>
    public int LateAfterMinutes { get; set; } = 15;

    /// <summary>A source with data in this many days before the report's day and none during it is reported silent (default 7).</summary>
    public int SilentLookbackDays { get; set; } = 7;

    /// <summary>Silences of a source at least this long within the watched hours are reported as ingest gaps (default 60 minutes).</summary>
    public int GapMinutes { get; set; } = 60;

    /// <summary>Start of the local hours watched for ingest gaps (default 07:30, the working day).</summary>
    public TimeOnly GapWatchStart { get; set; } = new(7, 30);

    /// <summary>End of the local hours watched for ingest gaps (default 17:30).</summary>
    public TimeOnly GapWatchEnd { get; set; } = new(17, 30);

    /// <summary>Chromium or Chrome used to print the PDF; empty (default) looks for <c>chromium</c>, <c>chromium-browser</c>, <c>google-chrome</c> on the PATH.</summary>
    public string ChromiumPath { get; set; } = string.Empty;

    /// <summary>Longest a PDF print may take before it is abandoned (default 120 seconds).</summary>
    public int PdfTimeoutSeconds { get; set; } = 120;

    /// <summary>Offset of local time; days are local days. Taken from <c>Detection:LocalOffset</c> (default UTC+07:00).</summary>
    public TimeSpan LocalOffset { get; set; } = TimeSpan.FromHours(7);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        Require(Cronos.CronExpression.TryParse(Schedule, Cronos.CronFormat.Standard, out _), $"Schedule '{Schedule}' is not a five-field cron expression (minute hour day month weekday)");
        Require(ReportLanguage.IsKnown(Language), $"Language '{Language}' must be vi or en");
        Require(!string.IsNullOrWhiteSpace(OutputDirectory), "OutputDirectory must not be empty");
        Require(TopCount is >= 1 and <= 50, "TopCount must be between 1 and 50");
        Require(LateAfterMinutes >= 1, "LateAfterMinutes must be at least 1");
        Require(SilentLookbackDays is >= 1 and <= 60, "SilentLookbackDays must be between 1 and 60");
        Require(GapMinutes >= 5, "GapMinutes must be at least 5");
        Require(GapWatchStart < GapWatchEnd, "GapWatchStart must be before GapWatchEnd");
        Require(PdfTimeoutSeconds >= 5, "PdfTimeoutSeconds must be at least 5");
        Require(LocalOffset >= TimeSpan.FromHours(-14) && LocalOffset <= TimeSpan.FromHours(14), "LocalOffset must be between -14 and +14 hours");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{SectionName}: {message}.");
        }
    }
}
