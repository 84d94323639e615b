using LogSentinel.Report;
using LogSentinel.Report.Output;
using LogSentinel.Store;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.Report;

/// <summary>
/// The report as a browser draws it: headless Chromium takes a screenshot (kept under TestResults/report for
/// people to look at) and prints the PDF; without Chromium the files say plainly why there is no PDF.
/// </summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ReportRenderingTests(ReportWorldFixture world) : IClassFixture<ReportWorldFixture>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private static string ArtifactDirectory { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "report");

    [Fact]
    public async Task Html_InHeadlessChromium_RendersAScreenshotAndAnA4Pdf()
    {
        var printer = new ChromiumPdfPrinter(null, TimeSpan.FromMinutes(2));
        Assert.True(printer.BrowserPath is not null, printer.Unavailable);
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var service = new ReportService(store, new ReportOptions());
        var generated = await service.GenerateAsync(world.Day, language: "vi");

        var files = await service.WriteFilesAsync(generated.Stored, ArtifactDirectory);
        var screenshot = Path.Combine(ArtifactDirectory, "report-vi.png");
        var shot = await printer.ScreenshotAsync(files.HtmlPath, screenshot, 900, 3600);

        Assert.True(shot.Succeeded, shot.Message);
        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.Equal(PngSignature, png[..4]);
        Assert.True(png.Length > 50_000, $"a page with text and three charts, not a blank one ({png.Length} bytes)");
        Assert.NotNull(files.PdfPath);
        Assert.Null(files.PdfNote);
        var pdf = await File.ReadAllBytesAsync(files.PdfPath);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        // A4 portrait in points: 595 x 842.
        Assert.Contains("/MediaBox [0 0 594.95996 841.91998]", System.Text.Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteFiles_WithoutChromium_WritesHtmlAndJsonAndSaysWhyNoPdf()
    {
        using var directory = new TempDirectory();
        await using var store = StoreFactory.Open(SharedEngine.Options(world.Database));
        var service = new ReportService(store, new ReportOptions { ChromiumPath = "/nonexistent/chromium" });
        var generated = await service.GenerateAsync(world.Day, language: "en");

        var files = await service.WriteFilesAsync(generated.Stored, directory.Path);

        Assert.True(File.Exists(files.HtmlPath));
        Assert.True(File.Exists(files.JsonPath));
        Assert.Null(files.PdfPath);
        Assert.Equal("No PDF: Report:ChromiumPath '/nonexistent/chromium' does not exist.", files.PdfNote);
        Assert.Equal($"logsentinel-report-{world.Day:yyyy-MM-dd}-en.html", Path.GetFileName(files.HtmlPath));
    }
}
