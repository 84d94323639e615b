using Cronos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogSentinel.Report.Scheduling;

/// <summary>
/// Generates the previous local day's report on the <c>Report:Schedule</c> cron expression (local time, default
/// 06:00), stores it and writes its files to <c>Report:OutputDirectory</c>. Long-running roles start
/// <see cref="RunAsync"/> beside their work; a failed report is logged and the schedule goes on.
/// </summary>
public sealed class ReportScheduler
{
    private readonly ReportService _service;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CronExpression _schedule;
    private readonly TimeZoneInfo _zone;

    public ReportScheduler(ReportService service, TimeProvider? time = null, ILogger<ReportScheduler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _schedule = CronExpression.Parse(service.Options.Schedule, CronFormat.Standard);
        var offset = service.Options.LocalOffset;
        _zone = TimeZoneInfo.CreateCustomTimeZone($"UTC{Text.ReportText.Offset(offset)}", offset, $"UTC{Text.ReportText.Offset(offset)}", $"UTC{Text.ReportText.Offset(offset)}");
    }

    /// <summary>Raised after each scheduled report, with its files (for the roles that show a status line).</summary>
    public event EventHandler<ReportFiles>? ReportWritten;

    /// <summary>The first scheduled time strictly after <paramref name="now"/>, or null when the expression never fires again.</summary>
    public DateTimeOffset? NextRun(DateTimeOffset now) => _schedule.GetNextOccurrence(now, _zone);

    /// <summary>The local day a run at <paramref name="firedAt"/> reports on: the day before.</summary>
    public DateOnly DayFor(DateTimeOffset firedAt) => DateOnly.FromDateTime(firedAt.ToOffset(_service.Options.LocalOffset).DateTime).AddDays(-1);

    /// <summary>Waits for each scheduled time and generates that morning's report, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            var next = NextRun(now);
            if (next is null)
            {
                return;
            }

            _logger.NextReport(next.Value, _service.Options.Schedule);
            var wait = next.Value - now;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            await RunOnceAsync(next.Value, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Generates, stores and writes the report due at <paramref name="firedAt"/>; returns its files, or null when it failed.</summary>
    public async Task<ReportFiles?> RunOnceAsync(DateTimeOffset firedAt, CancellationToken cancellationToken)
    {
        var day = DayFor(firedAt);
        try
        {
            var generated = await _service.GenerateAsync(day, agency: null, language: null, cancellationToken).ConfigureAwait(false);
            var files = await _service.WriteFilesAsync(generated.Stored, _service.Options.OutputDirectory, pdf: true, cancellationToken).ConfigureAwait(false);
            _logger.ReportWritten(day, files.HtmlPath);
            if (files.PdfNote is not null)
            {
                _logger.ReportPdfMissing(day, files.PdfNote);
            }

            ReportWritten?.Invoke(this, files);
            return files;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.ReportFailed(ex, day);
            return null;
        }
    }
}
