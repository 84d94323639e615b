using LogSentinel.Simulate.Output;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate;

/// <summary>
/// Generates gateway and application traffic of a simulated province, with the reference data and the ground
/// truth of injected scenarios. Deterministic: the same options give the same bytes, whatever the parallelism.
/// </summary>
public static class TrafficSimulator
{
    /// <summary>
    /// Writes the reference CSVs and <c>labels.jsonl</c> to <paramref name="referenceDirectory"/>, then every day's
    /// log lines to <paramref name="sink"/> in time order.
    /// </summary>
    /// <param name="options">What to simulate.</param>
    /// <param name="sink">Receives the log lines.</param>
    /// <param name="referenceDirectory">Directory for the reference data and labels.</param>
    /// <param name="timeProvider">Measures the wall time of the run (event time is simulated, never read from it).</param>
    /// <param name="progress">Told after each day.</param>
    /// <param name="cancellationToken">Stops between days.</param>
    public static async Task<SimulationSummary> RunAsync(SimulationOptions options, IEventSink sink, string referenceDirectory,
        TimeProvider timeProvider, IProgress<SimulationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var started = timeProvider.GetTimestamp();
        var plan = SimulationPlan.Create(options);
        ReferenceDataWriter.Write(referenceDirectory, plan.World, plan.Labels);

        var workers = new System.Collections.Concurrent.ConcurrentBag<DayWorker>();
        var days = options.Days;
        var inFlight = new Queue<Task<DayOutput>>();
        var next = 0;
        long gatewayLines = 0;
        long appLines = 0;
        while (next < days && inFlight.Count < options.Parallelism)
        {
            inFlight.Enqueue(Start(next++));
        }

        while (inFlight.Count > 0)
        {
            var output = await inFlight.Dequeue().ConfigureAwait(false);
            if (next < days)
            {
                inFlight.Enqueue(Start(next++));
            }

            try
            {
                foreach (var batch in output.Gateway)
                {
                    await sink.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                }

                foreach (var batch in output.App)
                {
                    await sink.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                }

                await sink.DayCompleteAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Release(output);
            }

            gatewayLines += output.GatewayLines;
            appLines += output.AppLines;
            progress?.Report(new SimulationProgress(output.Day + 1, days, gatewayLines + appLines, plan.World.Calendar.Date(output.Day)));
        }

        await sink.FlushAsync(cancellationToken).ConfigureAwait(false);
        return Summarise(plan, gatewayLines, appLines, timeProvider.GetElapsedTime(started));

        Task<DayOutput> Start(int day) => Task.Run(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!workers.TryTake(out var worker))
            {
                worker = new DayWorker(plan.World, plan.Scenarios, options.GatewayFormat);
            }

            try
            {
                return worker.Produce(day);
            }
            finally
            {
                workers.Add(worker);
            }
        }, cancellationToken);
    }

    private static void Release(DayOutput output)
    {
        foreach (var batch in output.Gateway)
        {
            batch.Release();
        }

        foreach (var batch in output.App)
        {
            batch.Release();
        }
    }

    private static SimulationSummary Summarise(SimulationPlan plan, long gatewayLines, long appLines, TimeSpan elapsed)
    {
        var world = plan.World;
        var byStatus = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var a in world.Accounts)
        {
            var key = AccountStatuses.Name(a.Status);
            byStatus[key] = byStatus.GetValueOrDefault(key) + 1;
        }

        return new SimulationSummary
        {
            GatewayEvents = gatewayLines,
            AppEvents = appLines,
            StaffAccounts = world.HumanCount,
            ServiceAccounts = world.Accounts.Count - world.HumanCount,
            AccountsByStatus = byStatus,
            Provinces = world.Provinces.Count,
            Agencies = world.Agencies.Count,
            Networks = world.Networks.Count,
            Delegations = world.Delegations.Count,
            Days = world.Calendar.Days,
            Labels = plan.Labels,
            Elapsed = elapsed,
        };
    }
}
