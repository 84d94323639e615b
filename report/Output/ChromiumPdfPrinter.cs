using System.ComponentModel;
using System.Diagnostics;

namespace LogSentinel.Report.Output;

/// <summary>
/// Prints an HTML file to PDF (or takes a screenshot) with headless Chromium. Where no Chromium is installed it
/// says so instead of failing: the HTML and JSON are the report; the PDF is a convenience.
/// </summary>
public sealed class ChromiumPdfPrinter(string? configuredPath, TimeSpan timeout)
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser to run, or null when none is installed.</summary>
    public string? BrowserPath { get; } = Locate(configuredPath);

    /// <summary>Why there is no PDF, in a sentence for the user, or null when a browser was found.</summary>
    public string? Unavailable => BrowserPath is null
        ? string.IsNullOrEmpty(configuredPath)
            ? "No PDF: Chromium is not installed (looked for chromium, chromium-browser, google-chrome on the PATH); install Debian's 'chromium' package or set Report:ChromiumPath. The HTML prints the same from any browser."
            : $"No PDF: Report:ChromiumPath '{configuredPath}' does not exist."
        : null;

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/> on A4 as the page's print styles lay it out.</summary>
    public Task<PrintOutcome> PrintPdfAsync(string htmlPath, string pdfPath, CancellationToken cancellationToken = default) =>
        RunAsync(htmlPath, pdfPath, ["--no-pdf-header-footer", $"--print-to-pdf={pdfPath}"], cancellationToken);

    /// <summary>A PNG screenshot of the page at the given window size, for checks that it renders.</summary>
    public Task<PrintOutcome> ScreenshotAsync(string htmlPath, string pngPath, int width, int height, CancellationToken cancellationToken = default) =>
        RunAsync(htmlPath, pngPath, [$"--screenshot={pngPath}", $"--window-size={width},{height}", "--hide-scrollbars"], cancellationToken);

    private async Task<PrintOutcome> RunAsync(string htmlPath, string outputPath, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        if (BrowserPath is null)
        {
            return new PrintOutcome(false, Unavailable!);
        }

        var start = new ProcessStartInfo(BrowserPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // A private profile per run: concurrent prints must not share a profile lock. No sandbox: CI and services run as root.
        var profile = Path.Combine(Path.GetTempPath(), $"logsentinel-chromium-{Guid.NewGuid():N}");
        foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", $"--user-data-dir={profile}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri);
        File.Delete(outputPath);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {BrowserPath}.");
            var stderr = process.StandardError.ReadToEndAsync(timeoutSource.Token);
            var stdout = process.StandardOutput.ReadToEndAsync(timeoutSource.Token);
            try
            {
                await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }

                return new PrintOutcome(false, $"No PDF: {BrowserPath} did not finish within {timeout.TotalSeconds:0} s (Report:PdfTimeoutSeconds).");
            }

            await Task.WhenAll(stderr, stdout).ConfigureAwait(false);
            if (process.ExitCode != 0 || !File.Exists(outputPath))
            {
                var detail = (await stderr.ConfigureAwait(false)).Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? string.Empty;
                return new PrintOutcome(false, $"No PDF: {BrowserPath} exited with code {process.ExitCode}. {detail}".TrimEnd());
            }

            return new PrintOutcome(true, outputPath);
        }
        catch (Win32Exception ex)
        {
            return new PrintOutcome(false, $"No PDF: {BrowserPath} could not be started ({ex.Message}).");
        }
        finally
        {
            TryDelete(profile);
        }
    }

    private static string? Locate(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var name in Names)
        {
            foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A browser helper still closing its files; the temporary profile is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}

/// <summary>What a print produced: the file, or why there is none.</summary>
/// <param name="Succeeded">Whether the file was written.</param>
/// <param name="Message">The file's path, or the reason in a sentence.</param>
public sealed record PrintOutcome(bool Succeeded, string Message);
