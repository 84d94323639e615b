using LogSentinel.Detect.Live;
using LogSentinel.Report;

namespace LogSentinel.Cli.Demo;

/// <summary>
/// Makes the daily report of the first simulated day once that day's alerts are in: when the live watermark has
/// passed the day's end plus the allowed lateness, or when the simulator has finished and every event is detected.
/// </summary>
internal sealed class FirstDayReport(ReportService service, DateOnly day, TimeSpan allowedLateness, string dataDir, TextWriter output)
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    public async Task RunAsync(LiveRunner runner, Task producer, CancellationToken stop)
    {
        var offset = service.Options.LocalOffset;
        var dayEnd = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), offset).Add(allowedLateness).ToUnixTimeMilliseconds();
        using var timer = new PeriodicTimer(CheckEvery);
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            var watermarkPassed = runner.Stats.WatermarkMs != long.MinValue && runner.Stats.WatermarkMs >= dayEnd;
            var allDetected = producer.IsCompletedSuccessfully && runner.Stats.Queued == 0 && runner.IngestStats.Lag == 0;
            if (watermarkPassed || allDetected)
            {
                break;
            }
        }

        var generated = await service.GenerateAsync(day, cancellationToken: stop).ConfigureAwait(false);
        var files = await service.WriteFilesAsync(generated.Stored, Path.Combine(dataDir, "reports"), pdf: false, stop).ConfigureAwait(false);
        await output.WriteLineAsync($"Daily report of {day:yyyy-MM-dd} is ready: Reports in the console, or {files.HtmlPath}").ConfigureAwait(false);
    }
}
