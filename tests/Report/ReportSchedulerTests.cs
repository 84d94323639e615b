using LogSentinel.Report;
using LogSentinel.Report.Scheduling;
using LogSentinel.Store;
using LogSentinel.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace LogSentinel.Tests.Report;

/// <summary>The scheduler on a fake clock: when it fires, which day it reports, and that it stores and writes it.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ReportSchedulerTests(ReportWorldFixture world) : IClassFixture<ReportWorldFixture>
{
    [Fact]
    public async Task NextRun_DefaultSchedule_IsSixInTheMorningLocalTime_ForThePreviousDay()
    {
        await using var store = await SharedEngine.OpenMigratedAsync();
        var scheduler = new ReportScheduler(new ReportService(store, new ReportOptions()));

        var next = scheduler.NextRun(new DateTimeOffset(2024, 1, 5, 10, 0, 0, TimeSpan.FromHours(7)));

        Assert.Equal(new DateTimeOffset(2024, 1, 6, 6, 0, 0, TimeSpan.FromHours(7)), next);
        Assert.Equal(new DateOnly(2024, 1, 5), scheduler.DayFor(next!.Value));
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 6, 0, 0, TimeSpan.FromHours(7)), scheduler.NextRun(new DateTimeOffset(2024, 1, 4, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Options_BadCronExpression_IsNamedInTheError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ReportOptions { Schedule = "at six" }.Validate());

        Assert.Contains("Report: Schedule 'at six'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OnAFakeClock_WritesAndStoresThePreviousDaysReportAtSixLocal()
    {
        using var directory = new TempDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(world.Day.AddDays(1).ToDateTime(new TimeOnly(5, 0)), TimeSpan.FromHours(7)));
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var options = new ReportOptions { OutputDirectory = directory.Path, ChromiumPath = "/nonexistent/chromium", Language = "en" };
        var scheduler = new ReportScheduler(new ReportService(store, options, time: clock), clock);
        var written = new TaskCompletionSource<ReportFiles>(TaskCreationOptions.RunContinuationsAsynchronously);
        scheduler.ReportWritten += (_, files) => written.TrySetResult(files);
        using var stop = new CancellationTokenSource();

        var running = scheduler.RunAsync(stop.Token);
        // Move the fake clock a minute at a time until the 06:00 run has happened; the bound only guards against a hang.
        for (var minutes = 0; !written.Task.IsCompleted && minutes < 24 * 60; minutes++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(written.Task, Task.Delay(TimeSpan.FromMilliseconds(10)));
        }

        var files = await written.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal($"logsentinel-report-{world.Day:yyyy-MM-dd}-en.html", Path.GetFileName(files.HtmlPath));
        Assert.StartsWith("No PDF:", files.PdfNote, StringComparison.Ordinal);
        var stored = await new ReportService(store, options).GetAsync(world.Day, language: "en");
        Assert.NotNull(stored);
        Assert.True(clock.GetUtcNow() >= new DateTimeOffset(world.Day.AddDays(1).ToDateTime(new TimeOnly(6, 0)), TimeSpan.FromHours(7)));
    }
}
