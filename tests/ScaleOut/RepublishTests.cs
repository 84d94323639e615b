using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Store.Events;
using LogSentinel.Tests.Kafka;
using LogSentinel.Tests.Simulate;
using Xunit.Abstractions;

namespace LogSentinel.Tests.ScaleOut;

/// <summary>The ingest role republishes every parsed event to the internal topics, keyed to the partition that owns it.</summary>
public sealed class RepublishTests(ITestOutputHelper output) : IDisposable
{
    private readonly SimulatedRun _run = SimulatedRun.Create(days: 1, accounts: 30, "brute_force,many_accounts_one_source", seed: 5);

    public void Dispose() => _run.Dispose();

    [Fact]
    public async Task Ingest_Republishing_EveryStoredEventReachesEachTopicItBelongsTo_OnItsKeysPartition()
    {
        await using var world = await ScaleOutWorld.StartAsync(_run);
        await world.IngestAllAsync();

        var found = world.ReadInternalTopics();
        var wide = found.Where(e => e.Topic == world.Topics.WideTopic).ToList();
        var byAccount = found.Where(e => e.Topic == world.Topics.AccountTopic).ToList();
        var byAddress = found.Where(e => e.Topic == world.Topics.AddressTopic).ToList();

        // Every stored event is on the wide topic, once (no redelivery here).
        Assert.Equal(world.Live.Lines, wide.Count);
        Assert.Equal(wide.Count, wide.Select(e => e.Key).Distinct().Count());
        Assert.Equal(await world.StoredAsync(), wide.Count);
        // Each event with an account is on the account's partition of by-account, and nothing else is there; the same for addresses.
        var withAccount = wide.Where(e => e.Account.Length > 0).ToList();
        var withAddress = wide.Where(e => e.Ip != UInt128.Zero).ToList();
        Assert.NotEmpty(withAccount);
        Assert.NotEmpty(withAddress);
        Assert.Equal(
            withAccount.Select(e => (e.Key, KeyPartitioner.ForAccount(System.Text.Encoding.UTF8.GetBytes(e.Account), ScaleOutWorld.AccountPartitions))).Order(),
            byAccount.Select(e => (e.Key, e.Partition)).Order());
        Assert.Equal(
            withAddress.Select(e => (e.Key, KeyPartitioner.ForAddress(e.Ip, ScaleOutWorld.AddressPartitions))).Order(),
            byAddress.Select(e => (e.Key, e.Partition)).Order());
        // Keys spread: more than one partition of each keyed topic is used.
        Assert.True(byAccount.Select(e => e.Partition).Distinct().Count() > 1);
        Assert.True(byAddress.Select(e => e.Partition).Distinct().Count() > 1);
    }

    [Fact]
    public async Task Ingest_KilledMidStreamThenRestarted_LosesNoRepublishedEvent()
    {
        await using var world = await ScaleOutWorld.StartAsync(_run);
        using var kill = new CancellationTokenSource();
        var killedAt = DateTime.MinValue;
        var (first, firstRepublisher, owned) = world.IngestWorker();
        using (owned)
        {
            var run = first.RunAsync(CancellationToken.None, kill.Token);
            // Killed once some batches are stored and republished, without a graceful commit.
            await KafkaTestBed.WaitForAsync(() => Task.FromResult(firstRepublisher.Messages > 0 && first.Stats.EventsWritten >= world.Live.Lines / 3), run);
            killedAt = DateTime.UtcNow;
            await kill.CancelAsync();
            await run.WaitAsync(KafkaTestBed.Patience);
        }

        await world.IngestAllAsync();
        var wide = world.ReadInternalTopics().Where(e => e.Topic == world.Topics.WideTopic).ToList();

        Assert.Equal(0, await world.Bed.DuplicateKeysAsync());
        Assert.Equal(world.Live.Lines, await world.StoredAsync());
        // Nothing stored is missing from the internal topics; a batch delivered again is republished again (duplicates allowed).
        var onWide = wide.Select(e => e.Key).ToHashSet();
        if (onWide.Count != world.Live.Lines)
        {
            var rows = System.Text.Encoding.UTF8.GetString(await world.Bed.Store.RunOperatorQueryAsync(
                $"SELECT 'g', event_key, ts, ingested_at, account FROM {world.Bed.Database}.gateway_events UNION ALL SELECT 'a', event_key, ts, ingested_at, account FROM {world.Bed.Database}.app_events FORMAT TSV"));
            foreach (var row in rows.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var cells = row.Split('\t');
                if (!onWide.Contains(ulong.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture)))
                {
                    output.WriteLine($"missing from the wide topic: {row}; killed at {killedAt:O}");
                }
            }
        }

        Assert.Equal(world.Live.Lines, onWide.Count);
        var duplicates = wide.Count - world.Live.Lines;
        Assert.True(duplicates >= 0);
        output.WriteLine($"republished duplicates after the kill: {duplicates}");
    }

    [Fact]
    public void Codec_UnknownVersion_IsRefusedNamingTheVersionAndWhere()
    {
        var gateway = new GatewayEventBatch(4);
        var app = new AppEventBatch(4);
        var ex = Assert.Throws<InvalidDataException>(() => EventMessageCodec.Decode([9, 0, 0, 0, 0], gateway, app, [], "logsentinel.wide [0] @12"));

        Assert.Contains("version 9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("logsentinel.wide [0] @12", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codec_DamagedMessage_IsRefused()
    {
        var ex = Assert.Throws<InvalidDataException>(
            () => EventMessageCodec.Decode([EventMessageCodec.Version, 1, 0, 0, 0, 1, 2], new GatewayEventBatch(4), new AppEventBatch(4), [], "t [1] @0"));

        Assert.Contains("damaged", ex.Message, StringComparison.Ordinal);
    }
}
