using Microsoft.Extensions.Logging;

namespace LogSentinel.Report;

/// <summary>The report library's log messages.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Next daily report at {NextRun} (schedule '{Schedule}')")]
    public static partial void NextReport(this ILogger logger, DateTimeOffset nextRun, string schedule);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Daily report for {Date} written to {HtmlPath}")]
    public static partial void ReportWritten(this ILogger logger, DateOnly date, string htmlPath);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "Daily report for {Date}: {Note}")]
    public static partial void ReportPdfMissing(this ILogger logger, DateOnly date, string note);

    [LoggerMessage(EventId = 9004, Level = LogLevel.Error, Message = "Daily report for {Date} failed; the schedule goes on")]
    public static partial void ReportFailed(this ILogger logger, Exception exception, DateOnly date);
}
