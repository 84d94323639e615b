using LogSentinel.Store.Alerts;
using LogSentinel.Store.Baselines;
using LogSentinel.Tests.Kafka;
using LogSentinel.Tests.Simulate;
using Xunit.Abstractions;

namespace LogSentinel.Tests.ScaleOut;

/// <summary>
/// Partitioned detect over the internal topics: the alerts do not depend on how many members share the partitions,
/// nor on a member dying mid-stream; and the rule-based alerts are a replay's.
/// </summary>
public sealed class PartitionedDetectTests(ITestOutputHelper output) : IDisposable
{
    // Small (about 8,000 lines): the mock cluster keeps 5 MiB per partition, and the wide topic holds every event in one.
    // No outage scenario: its surge alone is about 100,000 lines a day.
    private readonly SimulatedRun _run = SimulatedRun.Create(
        days: 2, accounts: 40, "brute_force,weak_credentials,many_accounts_one_source,scripted_bulk_lookup,account_sharing,departed_account_use", seed: 21);

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task TwoMembers_SameAlertsAsOneMember_AndAsAReplay()
    {
        await using var world = await ScaleOutWorld.StartAsync(_run);
        await world.IngestAllAsync();
        var replayed = await world.Live.ReplayAsync();

        var alone = await world.DetectStoreAsync();
        using (var member = await world.MemberAsync(alone))
        {
            await ScaleOutWorld.RunUntilSettledAsync(member);
        }

        var shared = await world.DetectStoreAsync();
        using var a = await world.MemberAsync(shared);
        using var b = await world.MemberAsync(shared);
        await ScaleOutWorld.RunUntilSettledAsync(a, b);

        var one = await alone.Alerts.ListAsync(new AlertQuery());
        var two = await shared.Alerts.ListAsync(new AlertQuery());
        Assert.NotEmpty(one);
        Assert.True(a.AssignedPartitions > 0 || a.Stats.Checkpoints > 0, "the first member must have owned partitions");
        Assert.True(b.AssignedPartitions > 0 || b.Stats.Checkpoints > 0, "the second member must have owned partitions");
        Assert.Equal(one.Select(ScaleOutWorld.Decision).Order(StringComparer.Ordinal), two.Select(ScaleOutWorld.Decision).Order(StringComparer.Ordinal));

        // Each entity's baseline comes from the one partition that sees all of its events, as replay writes it.
        static IEnumerable<string> Judged(IEnumerable<EntityBaselineRecord> baselines) =>
            baselines.Select(b => $"{b.EntityKind}/{b.Entity}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.NotEmpty(world.Live.ReplayedBaselines);
        Assert.Equal(Judged(world.Live.ReplayedBaselines), Judged(await shared.Baselines.ListAsync()));

        // Rule-based alert types against a replay of the same files: every type the replay raised, with the same decisions.
        var differing = replayed.Select(r => r.Type).Concat(one.Select(o => o.Type)).Distinct(StringComparer.Ordinal)
            .Where(type => !replayed.Where(r => r.Type == type).Select(ScaleOutWorld.Decision).Order(StringComparer.Ordinal)
                .SequenceEqual(one.Where(o => o.Type == type).Select(ScaleOutWorld.Decision).Order(StringComparer.Ordinal)))
            .ToList();
        output.WriteLine($"replay alerts {replayed.Count}, partitioned {one.Count}; types that differ: {string.Join(", ", differing)}");
        Assert.Empty(differing);
    }

    [Fact]
    public async Task MemberKilledMidStream_ItsPartitionsGoToTheOther_NoAlertLostOrDoubled()
    {
        await using var world = await ScaleOutWorld.StartAsync(_run);
        // The ingest role republishes to staging topics; the test feeds the members' topics from them in two halves
        // cut at the median event time, so the kill falls between them whatever the machine's speed.
        var staging = ScaleOutWorld.Named("staging");
        world.CreateTopics(staging);
        await world.IngestAllAsync(staging);
        var messages = world.ReadMessages(staging);
        var wideTimes = messages.Where(m => m.Topic == 2).Select(m => m.MaxTs).Order().ToList();
        var cut = wideTimes[wideTimes.Count / 2];
        var firstHalf = messages.Where(m => m.MaxTs <= cut).ToList();
        var secondHalf = messages.Where(m => m.MaxTs > cut).ToList();
        var stagingEnds = Ends(ScaleOutWorld.Layout(staging), staging, messages);
        var firstEnds = Ends(ScaleOutWorld.Layout(world.Topics), world.Topics, firstHalf);
        var allEnds = Ends(ScaleOutWorld.Layout(world.Topics), world.Topics, messages);
        Assert.NotEmpty(secondHalf);

        // One member over the whole stream. Event time moves with events only (no idle rule) in every run here, so a
        // pause between the halves changes nothing; windows still open at the end are left open in all of them.
        var alone = await world.DetectStoreAsync();
        using (var member = await world.MemberAsync(alone, "reference", staging, idle: false))
        {
            using var stopReference = new CancellationTokenSource();
            var run = member.RunAsync(stopReference.Token);
            await KafkaTestBed.WaitForAsync(() => Task.FromResult(ScaleOutWorld.FedUpTo(stagingEnds, member)), run);
            await stopReference.CancelAsync();
            await run.WaitAsync(KafkaTestBed.Patience);
        }

        var shared = await world.DetectStoreAsync();
        using var victim = await world.MemberAsync(shared, idle: false);
        using var survivor = await world.MemberAsync(shared, idle: false);
        using var kill = new CancellationTokenSource();
        using var stop = new CancellationTokenSource();
        var victimRun = victim.RunAsync(CancellationToken.None, kill.Token);
        var survivorRun = survivor.RunAsync(stop.Token);
        var runs = Task.WhenAny(victimRun, survivorRun);

        // The first half arrives once the group has spread the partitions over both members: had it come earlier, the
        // member that joined first could feed and checkpoint everything, leaving the victim only positions at the end.
        await KafkaTestBed.WaitForAsync(
            () => Task.FromResult(victim.AssignedPartitions > 0 && survivor.AssignedPartitions > 0
                && victim.AssignedPartitions + survivor.AssignedPartitions == ScaleOutWorld.AllPartitions),
            runs);
        world.Copy(firstHalf, world.Topics);

        // The victim has fed its share of the first half and checkpointed: then it dies without a word.
        try
        {
            await KafkaTestBed.WaitForAsync(
                () => Task.FromResult(victim.AssignedPartitions > 0 && victim.Stats.Checkpoints > 0 && ScaleOutWorld.FedUpTo(firstEnds, victim, survivor)),
                runs);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail(string.Join("; ", new[] { victim, survivor }.Select(m =>
                $"member: partitions {m.AssignedPartitions}, positions {string.Join(",", m.Positions.Select(p => $"{p.Key.Topic}[{p.Key.Partition.Value}]={p.Value}"))}, checkpoints {m.Stats.Checkpoints}, alerts {m.Stats.AlertChangesWritten}/{m.Stats.AlertChanges}"))
                + "; first-half ends " + string.Join(",", firstEnds.Select(e => $"{e.Key.Topic}[{e.Key.Partition.Value}]={e.Value}")));
        }

        var victimOwned = victim.AssignedPartitions;
        await kill.CancelAsync();
        await victimRun.WaitAsync(KafkaTestBed.Patience);
        output.WriteLine($"killed owning {victimOwned} of {ScaleOutWorld.AllPartitions} partitions after feeding {victim.Stats.Events} events and writing {victim.Stats.Checkpoints} checkpoints");

        // The second half arrives; the group notices the death after the session timeout and hands every partition to the survivor.
        world.Copy(secondHalf, world.Topics);
        await KafkaTestBed.WaitForAsync(
            () => Task.FromResult(survivor.AssignedPartitions == ScaleOutWorld.AllPartitions && ScaleOutWorld.FedUpTo(allEnds, survivor)), survivorRun);
        await stop.CancelAsync();
        await survivorRun.WaitAsync(KafkaTestBed.Patience);

        var one = await alone.Alerts.ListAsync(new AlertQuery());
        var after = await shared.Alerts.ListAsync(new AlertQuery());
        Assert.NotEmpty(one);
        Assert.True(survivor.Restored > 0, "the survivor must resume the victim's partitions from their checkpoints");
        Assert.Equal(after.Count, after.Select(x => x.Id).Distinct().Count());
        Assert.Equal(one.Select(ScaleOutWorld.Decision).Order(StringComparer.Ordinal), after.Select(ScaleOutWorld.Decision).Order(StringComparer.Ordinal));
    }

    /// <summary>How many of <paramref name="messages"/> each partition of <paramref name="layout"/> holds: its end offset once they are produced.</summary>
    private static Dictionary<Confluent.Kafka.TopicPartition, long> Ends(
        List<Confluent.Kafka.TopicPartition> layout, LogSentinel.Ingest.Kafka.Republish.RepublishOptions topics, List<(int Topic, int Partition, byte[] Value, long MaxTs)> messages) =>
        layout.ToDictionary(tp => tp, tp => (long)messages.Count(m => topics.Topics[m.Topic] == tp.Topic && m.Partition == tp.Partition.Value));

    [Fact]
    public async Task IngestKilledMidStream_RepublishedDuplicates_ChangeNoAlert()
    {
        await using var world = await ScaleOutWorld.StartAsync(_run);
        var replayed = await world.Live.ReplayAsync();
        using var kill = new CancellationTokenSource();
        var (first, republisher, owned) = world.IngestWorker();
        using (owned)
        {
            var run = first.RunAsync(CancellationToken.None, kill.Token);
            // Killed without a graceful commit once part of the input is republished: a restart delivers it again.
            await KafkaTestBed.WaitForAsync(() => Task.FromResult(republisher.Messages > 0 && first.Stats.EventsWritten >= world.Live.Lines / 2), run);
            await kill.CancelAsync();
            await run.WaitAsync(KafkaTestBed.Patience);
        }

        await world.IngestAllAsync();
        var wide = world.ReadInternalTopics().Where(e => e.Topic == world.Topics.WideTopic).ToList();
        var store = await world.DetectStoreAsync();
        using var member = await world.MemberAsync(store);
        await ScaleOutWorld.RunUntilSettledAsync(member);
        var alerts = await store.Alerts.ListAsync(new AlertQuery());

        output.WriteLine($"events republished twice: {wide.Count - world.Live.Lines}; skipped as duplicates by detect: {member.Duplicates}; late: {member.Stats.LateEvents}");
        Assert.Equal(world.Live.Lines, wide.Select(e => e.Key).Distinct().Count());
        Assert.Equal(replayed.Select(ScaleOutWorld.Decision).Order(StringComparer.Ordinal), alerts.Select(ScaleOutWorld.Decision).Order(StringComparer.Ordinal));
    }
}
