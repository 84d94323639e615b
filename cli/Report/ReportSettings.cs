using System.CommandLine;
using System.Globalization;
using LogSentinel.Cli.Detect;
using LogSentinel.Cli.Hosting;
using LogSentinel.Report;
using LogSentinel.Report.Incidents;
using LogSentinel.Report.Scheduling;
using LogSentinel.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LogSentinel.Cli.Report;

/// <summary>The <c>Report</c> and <c>Incident</c> sections, validated, with local time from <c>Detection:LocalOffset</c>.</summary>
internal static class ReportSettings
{
    public static ReportOptions ReadReportOptions(ParseResult parse)
        => SettingsSection.Read<ReportOptions>(parse, ReportOptions.SectionName, o => o.Validate(), o => o.LocalOffset = ReplayCommand.ReadOptions(parse).LocalOffset);

    public static IncidentOptions ReadIncidentOptions(ParseResult parse)
        => SettingsSection.Read<IncidentOptions>(parse, IncidentOptions.SectionName, o => o.Validate(), o => o.LocalOffset = ReplayCommand.ReadOptions(parse).LocalOffset);

    /// <summary>
    /// The daily-report scheduler for a long-running role (<c>run</c>, <c>serve</c>): start
    /// <c>scheduler.RunAsync(stoppingToken)</c> beside the role's own work; it owns nothing and stops with the token.
    /// </summary>
    public static ReportScheduler CreateScheduler(ParseResult parse, ILogStore store, ILoggerFactory? loggers = null) =>
        new(new ReportService(store, ReadReportOptions(parse)), TimeProvider.System, loggers?.CreateLogger<ReportScheduler>());

    /// <summary>A local date written yyyy-MM-dd, or a clear error naming the option.</summary>
    public static DateOnly ParseDate(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ConfigurationException($"{option} '{text}' is not a date written yyyy-MM-dd (a local day, e.g. 2024-01-08).");

    public static string ParseLanguage(string? text)
    {
        var language = (text ?? ReportLanguage.Vietnamese).Trim().ToLowerInvariant();
        return ReportLanguage.IsKnown(language) ? language : throw new ConfigurationException($"--lang '{text}' is not supported: use vi or en.");
    }
}
