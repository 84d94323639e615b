using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LogSentinel.Ingest.Kafka;

namespace LogSentinel.Benchmarks;

/// <summary>
/// Live mode's alert latency end to end, with real processes: this process owns an in-process Kafka cluster; a
/// <c>logsentinel run</c> process consumes it into a fresh embedded store and detects; a <c>logsentinel simulate
/// --kafka --speed S</c> process produces a simulated province at S times real time. When the producer is done and
/// <c>run</c> has caught up, <c>run</c> gets SIGTERM and prints its summary: per alert change, the wall time from the
/// consumption of its deciding event to the store's acknowledgement of the alert row (p50/p95/max).
/// Run with: <c>benchmarks/live-latency.sh [days] [accounts] [speed] [partitions]</c> (builds Release first), or
/// <c>dotnet benchmarks/bin/Release/net10.0/LogSentinel.Benchmarks.dll live-latency CLI_DLL [days] [accounts] [speed] [partitions]</c>.
/// </summary>
internal static partial class LiveLatencyRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cli = Path.GetFullPath(args[1]);
        var days = args.Length > 2 ? args[2] : "2";
        var accounts = args.Length > 3 ? args[3] : "2000";
        var speed = args.Length > 4 ? args[4] : "1440";
        var partitions = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 8;
        var work = Directory.CreateTempSubdirectory("logsentinel-live-bench-").FullName;
        try
        {
            Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
            // The reference files (same seed, so the same world as the one produced below).
            await RunToEndAsync(cli, ["simulate", "--days", days, "--accounts", accounts, "--out", Path.Combine(work, "sim")]);

            using var cluster = new MockKafkaCluster();
            cluster.CreateTopic("gateway-access", partitions);
            cluster.CreateTopic("app-events", partitions);
            var sim = Path.Combine(work, "sim");
            var lines = new List<string>();
            using var run = Start(cli, [
                "run", "--status-interval", "1", "--data-dir", Path.Combine(work, "data"),
                "--accounts", Path.Combine(sim, "accounts.csv"), "--networks", Path.Combine(sim, "networks.csv"), "--delegations", Path.Combine(sim, "delegations.csv"),
                "-s", "Ingest:Kafka:BootstrapServers=" + cluster.BootstrapServers,
                "-s", "Ingest:Kafka:Topics:gateway-access=gateway-json",
                "-s", "Ingest:Kafka:Topics:app-events=app-json",
                "-s", "Ingest:Kafka:SessionTimeoutMs=6000",
            ], lines, echo: true);
            await WaitForAsync(lines, 0, l => l.Contains(" events ", StringComparison.Ordinal), run);

            var clock = Stopwatch.StartNew();
            await RunToEndAsync(cli, [
                "simulate", "--days", days, "--accounts", accounts, "--out", Path.Combine(work, "sim2"),
                "--kafka", cluster.BootstrapServers, "--speed", speed,
            ]);
            var produced = clock.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"produced in {produced.TotalSeconds:F1} s; load: {File.ReadAllText("/proc/loadavg").Trim()}"));

            // Caught up: two status lines in a row, printed after the producer ended, with the same events stored,
            // nothing queued for the merge and no lag.
            int producedLines;
            lock (lines)
            {
                producedLines = lines.Count;
            }

            string? previous = null;
            await WaitForAsync(lines, producedLines, l =>
            {
                var m = Status().Match(l);
                if (!m.Success || m.Groups["queued"].Value != "0" || m.Groups["lag"].Value != "0")
                {
                    previous = null;
                    return false;
                }

                var caughtUp = previous == m.Groups["events"].Value;
                previous = m.Groups["events"].Value;
                return caughtUp;
            }, run);
            var caughtUpAt = clock.Elapsed;
            using (var kill = Process.Start("kill", ["-TERM", run.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await run.WaitForExitAsync();
            string[] snapshot;
            lock (lines)
            {
                snapshot = [.. lines];
            }

            foreach (var line in snapshot.TakeLast(3))
            {
                Console.WriteLine(line);
            }

            var stored = Status().Matches(string.Join('\n', snapshot)).Last().Groups["events"].Value;
            var events = long.Parse(stored, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            // The same seed wrote the same world to files: a shortfall is what the mock cluster's 5 MiB per partition
            // dropped while the consumer lagged.
            var world = File.ReadLines(Path.Combine(sim, "gateway.jsonl")).LongCount() + File.ReadLines(Path.Combine(sim, "app.jsonl")).LongCount();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"world: {world:N0} events; stored {events:N0}{(events < world ? " (the rest fell out of the mock cluster's 5 MiB per partition while the consumer lagged)" : string.Empty)}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{events:N0} events; produced over {produced.TotalSeconds:F1} s ({events / produced.TotalSeconds:N0} events/s offered), caught up {(caughtUpAt - produced).TotalSeconds:F1} s after the producer ended"));
            Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
            return run.ExitCode;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static Process Start(string cli, string[] args, List<string> lines, bool echo = false)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(cli);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + cli);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (lines)
                {
                    lines.Add(line);
                }

                if (echo)
                {
                    Console.WriteLine("  " + line);
                }
            }
        };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task RunToEndAsync(string cli, string[] args)
    {
        using var process = Start(cli, args, []);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"logsentinel {string.Join(' ', args)} exited with {process.ExitCode}");
        }
    }

    /// <summary>Polls the process's output until a line satisfies <paramref name="condition"/>; fails if the process ends first.</summary>
    private static async Task WaitForAsync(List<string> lines, int from, Func<string, bool> condition, Process process)
    {
        var seen = from;
        while (true)
        {
            string[] fresh;
            lock (lines)
            {
                fresh = [.. lines.Skip(seen)];
            }

            foreach (var line in fresh)
            {
                seen++;
                if (condition(line))
                {
                    return;
                }
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException("logsentinel run ended early: " + string.Join('\n', lines));
            }

            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"events (?<events>[\d,]+) \(.*queued (?<queued>[\d,]+)\).*lag (?<lag>[\d?]+(?:,\d{3})*)")]
    private static partial Regex Status();
}
