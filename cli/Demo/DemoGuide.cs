using System.Globalization;

namespace LogSentinel.Cli.Demo;

/// <summary>What the demo prints once the console is up: where to look, the key, and what to click.</summary>
internal static class DemoGuide
{
    public static async Task WriteAsync(TextWriter output, string url, string key, string dataDir, DemoSettings settings, bool simulating)
    {
        var lines = new List<string>
        {
            string.Empty,
            "LogSentinel demo",
            $"  Console:  {url}/",
            $"  API key:  {key}   (local admin of this process only; paste it into the console, or send it as the X-Api-Key header)",
            $"  API docs: {url}/openapi/v1.json",
            $"  Data:     {dataDir} (embedded store)",
        };
        if (simulating)
        {
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"  Simulating {settings.Days} day(s) of a province with {settings.Accounts} staff accounts and every attack scenario, {(settings.Speed == 0 ? "as fast as possible" : $"at {settings.Speed:0.#}x real time")}, through an in-process Kafka."));
        }

        lines.AddRange(
        [
            "What to click:",
            "  1. Open the console URL and sign in with the API key.",
            settings.Speed > 0
                ? string.Create(CultureInfo.InvariantCulture, $"  2. Open the alert queue: alerts appear as the simulated day goes by (it starts at midnight; office hours begin after about {8 * 3600 / settings.Speed:0} s).")
                : "  2. Open the alert queue: alerts appear as the simulated days are detected.",
            "  3. Filter by type (e.g. brute_force, scripted_bulk_lookup, off_hours) and open an alert for its evidence and explanation.",
            "  4. Move it to investigating, then close it with a disposition (true positive, benign, ...); open Reports for the daily report of the first simulated day once it is detected.",
            "A status line follows every few seconds; Ctrl-C stops everything cleanly.",
            string.Empty,
        ]);
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line).ConfigureAwait(false);
        }

        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
