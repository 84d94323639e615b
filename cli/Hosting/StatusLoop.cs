using Confluent.Kafka;

namespace LogSentinel.Cli.Hosting;

/// <summary>The long-running Kafka roles' console: a status line every interval until the work ends or is stopped.</summary>
internal static class StatusLoop
{
    /// <summary>
    /// Prints <paramref name="next"/> every <paramref name="interval"/> while <paramref name="run"/> works, then waits
    /// for it to finish what a stop leaves it to do (store what is pending, commit), and prints a last status line.
    /// A Kafka failure becomes an <see cref="IOException"/> naming Kafka's reason.
    /// </summary>
    public static async Task RunAsync(Task run, Func<string> next, TextWriter output, TimeSpan interval, CancellationToken stop)
    {
        using (var timer = new PeriodicTimer(interval))
        {
            try
            {
                while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false) && !run.IsCompleted)
                {
                    await output.WriteLineAsync(next()).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopping: the work stores what is pending and commits before it completes.
            }
        }

        try
        {
            await run.ConfigureAwait(false);
        }
        catch (KafkaException ex)
        {
            throw new IOException($"Kafka: {ex.Error.Reason} ({ex.Error.Code})", ex);
        }

        await output.WriteLineAsync(next()).ConfigureAwait(false);
    }
}
