using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Kafka;

namespace LogSentinel.Tests.Cli;

/// <summary>
/// <c>logsentinel demo</c> as a user runs it: its own process (it owns its data directory as serve does), a tiny
/// world, the printed console URL and key, alerts through the API, then Ctrl-C (SIGINT) and a clean exit.
/// </summary>
public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_TinyWorld_ServesAlertsWithThePrintedKey_AndStopsCleanlyOnCtrlC()
    {
        using var data = new TempDirectory();
        var dataDir = Path.Combine(data.Path, "data");
        var first = await RunUntilAlertsAsync(dataDir);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Stopped: ", first.Output, StringComparison.Ordinal);
        Assert.Contains("What to click:", first.Output, StringComparison.Ordinal);

        // A second run finds the data and serves it as it is, unless --reset.
        var second = await RunUntilAlertsAsync(dataDir);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("already holds", second.Output, StringComparison.Ordinal);
        Assert.Contains("demo --reset", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_BadSpeed_FailsNamingTheOption()
    {
        var (exitCode, output) = await CliProcess.RunAsync("demo", "--speed", "-1", "--data-dir", Path.Combine(Path.GetTempPath(), "logsentinel-demo-unused"));

        Assert.Equal(1, exitCode);
        Assert.Contains("--speed", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunUntilAlertsAsync(string dataDir)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
        {
            RepositoryPaths.CliAssembly, "demo", "--port", "0", "--days", "1", "--accounts", "40", "--speed", "0", "--status-interval", "1",
            "--data-dir", dataDir, "-s", "Live:IdleTimeout=00:00:01", "-s", "Ingest:BatchMaxWaitMs=100", "-s", "Ingest:Kafka:SessionTimeoutMs=3000",
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        try
        {
            string Text()
            {
                lock (output)
                {
                    return output.ToString();
                }
            }

            await KafkaTestBed.WaitForAsync(() => Task.FromResult(ConsoleLine().IsMatch(Text()) && KeyLine().IsMatch(Text())), exited);
            var url = new Uri(ConsoleLine().Match(Text()).Groups[1].Value);
            var key = KeyLine().Match(Text()).Groups[1].Value;
            using var http = new HttpClient { BaseAddress = url };
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            await KafkaTestBed.WaitForAsync(
                async () =>
                {
                    using var response = await http.GetAsync(new Uri("api/alerts/records", UriKind.Relative));
                    response.EnsureSuccessStatusCode();
                    using var alerts = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    return alerts.RootElement.GetArrayLength() > 0;
                },
                exited);

            using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            await exited.WaitAsync(KafkaTestBed.Patience);
            // Flush the asynchronous readers.
            process.WaitForExit();
            return (process.ExitCode, Text());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"Console:\s+(\S+)")]
    private static partial Regex ConsoleLine();

    [GeneratedRegex(@"API key:\s+(\S+)")]
    private static partial Regex KeyLine();
}
