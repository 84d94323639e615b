using System.Text;
using LogSentinel.Store.DeadLetters;

namespace LogSentinel.Tests.Kafka;

public sealed class KafkaIngestWorkerTests
{
    private const int Lines = 20_000;

    [Fact]
    public async Task Run_GatewayAndDetectedAppTopics_StoresEveryLineExactlyOnce()
    {
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 6, appPartitions: 4);
        bed.Produce(KafkaTestBed.GatewayTopic, 6, Enumerable.Range(0, Lines).Select(KafkaTestLines.Gateway));
        bed.Produce(KafkaTestBed.AppTopic, 4, Enumerable.Range(0, Lines).Select(KafkaTestLines.App));
        var worker = bed.Worker(options: bed.Options(appFormat: "auto"));

        await KafkaTestBed.RunUntilAsync(worker, () => Task.FromResult(worker.Stats.LinesWritten >= 2 * Lines));

        Assert.Equal(Lines, await bed.CountAsync("gateway_events"));
        Assert.Equal(Lines, await bed.CountAsync("app_events"));
        Assert.Equal(0, await bed.DuplicateKeysAsync());
        Assert.Equal(0, await bed.CountAsync("dead_letters"));
        Assert.Equal(2 * Lines, worker.Stats.Messages);
        Assert.Equal(0, worker.Stats.DuplicatesDropped);
    }

    [Fact]
    public async Task Run_ConsumerKilledRightAfterAWrite_NextWorkerStoresEverythingOnce()
    {
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 4, appPartitions: 4);
        bed.Produce(KafkaTestBed.GatewayTopic, 4, Enumerable.Range(0, Lines).Select(KafkaTestLines.Gateway));
        bed.Produce(KafkaTestBed.AppTopic, 4, Enumerable.Range(0, Lines).Select(KafkaTestLines.App));
        using var kill = new CancellationTokenSource();
        // The fifth insert lands, then the process "dies" before the write returns: its rows are stored, its offsets never.
        var crashing = new FailingStore(bed.Store)
        {
            AfterInsert = async (call, token) =>
            {
                if (call == 5)
                {
                    await kill.CancelAsync();
                    await Task.Delay(Timeout.Infinite, token);
                }
            },
        };
        var first = bed.Worker(crashing);

        var firstRun = first.RunAsync(CancellationToken.None, kill.Token);
        await firstRun.WaitAsync(KafkaTestBed.Patience);
        Assert.True(first.Stats.LinesWritten < 2 * Lines, "the first worker must die mid-stream");
        Assert.True(await bed.CountAsync("gateway_events") + await bed.CountAsync("app_events") > first.Stats.EventsWritten, "the killed batch must be stored in part at least");

        var second = bed.Worker();
        await KafkaTestBed.RunUntilAsync(second, async () => await bed.CountAsync("gateway_events") >= Lines && await bed.CountAsync("app_events") >= Lines);

        Assert.Equal(Lines, await bed.CountAsync("gateway_events"));
        Assert.Equal(Lines, await bed.CountAsync("app_events"));
        Assert.Equal(0, await bed.DuplicateKeysAsync());
        Assert.True(second.Stats.DuplicatesDropped > 0, "the re-delivered batch must be recognised as stored");
    }

    [Fact]
    public async Task Run_SecondMemberJoinsMidStream_PartitionsMoveAndEverythingIsStoredOnce()
    {
        const int half = Lines / 2;
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 4, appPartitions: 4);
        bed.Produce(KafkaTestBed.GatewayTopic, 4, Enumerable.Range(0, half).Select(KafkaTestLines.Gateway));
        bed.Produce(KafkaTestBed.AppTopic, 4, Enumerable.Range(0, half).Select(KafkaTestLines.App));
        var first = bed.Worker();
        var second = bed.Worker();
        using var stop = new CancellationTokenSource();

        var firstRun = first.RunAsync(stop.Token);
        await KafkaTestBed.WaitForAsync(() => Task.FromResult(first.Stats.LinesWritten > 0), firstRun);
        var secondRun = second.RunAsync(stop.Token);
        // The cooperative rebalance revokes some of the first member's partitions (it writes what it holds of them first).
        await KafkaTestBed.WaitForAsync(() => Task.FromResult(second.Stats.AssignedPartitions > 0 && first.Stats.AssignedPartitions + second.Stats.AssignedPartitions == 8), secondRun);
        bed.Produce(KafkaTestBed.GatewayTopic, 4, Enumerable.Range(half, half).Select(KafkaTestLines.Gateway));
        bed.Produce(KafkaTestBed.AppTopic, 4, Enumerable.Range(half, half).Select(KafkaTestLines.App));
        await KafkaTestBed.WaitForAsync(async () => await bed.CountAsync("gateway_events") >= Lines && await bed.CountAsync("app_events") >= Lines, secondRun);
        await stop.CancelAsync();
        await Task.WhenAll(firstRun, secondRun).WaitAsync(KafkaTestBed.Patience);

        Assert.Equal(Lines, await bed.CountAsync("gateway_events"));
        Assert.Equal(Lines, await bed.CountAsync("app_events"));
        Assert.Equal(0, await bed.DuplicateKeysAsync());
        Assert.True(second.Stats.LinesWritten > 0, "the second member must have ingested its share");
    }

    [Fact]
    public async Task Run_StoreDownForAWhile_PausesRetriesAndStoresEverythingOnce()
    {
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 4, appPartitions: 4);
        bed.Produce(KafkaTestBed.GatewayTopic, 4, Enumerable.Range(0, Lines).Select(KafkaTestLines.Gateway));
        bed.Produce(KafkaTestBed.AppTopic, 4, Enumerable.Range(0, Lines).Select(KafkaTestLines.App));
        // The first insert lands; the next twelve fail.
        var flaky = new FailingStore(bed.Store) { FailsCall = call => call is >= 2 and <= 13 };
        var worker = bed.Worker(flaky);
        var sawPause = false;

        await KafkaTestBed.RunUntilAsync(worker, () =>
        {
            sawPause |= worker.Stats.Paused;
            return Task.FromResult(worker.Stats.LinesWritten >= 2 * Lines);
        });

        Assert.Equal(Lines, await bed.CountAsync("gateway_events"));
        Assert.Equal(Lines, await bed.CountAsync("app_events"));
        Assert.Equal(0, await bed.DuplicateKeysAsync());
        Assert.Equal(12, worker.Stats.StoreRetries);
        Assert.True(sawPause, "consumption must pause while the store is down");
    }

    [Fact]
    public async Task Run_PoisonMessages_GoToDeadLettersWithPositionAndThePartitionGoesOn()
    {
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 4, appPartitions: 4);
        bed.Produce(KafkaTestBed.GatewayTopic, 4, Enumerable.Range(0, 1000).Select(KafkaTestLines.Gateway));
        byte[] invalidUtf8 = [.. "{\"ts\":\"2024-01-15T08:00:00.000+07:00\",\"method\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];
        var huge = Encoding.UTF8.GetBytes("{\"ts\":\"2024-01-15T08:00:00.000+07:00\",\"path\":\"" + new string('a', 100_000) + "\"}");
        byte[] twoLines = [.. KafkaTestLines.Gateway(5000), (byte)'\n', .. KafkaTestLines.Gateway(5001), (byte)'\n'];
        // All into partition 0 of the gateway topic, between good messages of the same partition.
        var poison = bed.Produce(KafkaTestBed.GatewayTopic, 1, [invalidUtf8, huge, null, [], twoLines]);
        bed.Produce(KafkaTestBed.GatewayTopic, 1, Enumerable.Range(1000, 500).Select(KafkaTestLines.Gateway));
        var worker = bed.Worker();

        await KafkaTestBed.RunUntilAsync(worker, () => Task.FromResult(worker.Stats.Messages >= 1505 && worker.Stats.LinesWritten >= 1506));

        Assert.Equal(1502, await bed.CountAsync("gateway_events"));
        var letters = await bed.Store.DeadLetters.ListAsync(new DeadLetterQuery());
        Assert.Equal(4, letters.Count);
        Assert.All(letters, l => Assert.Equal("kafka:gateway-access", l.Source));
        AssertLetter(letters, "invalid_utf8", poison[0]);
        AssertLetter(letters, "line_too_long", poison[1]);
        AssertLetter(letters, "empty_line", poison[2]);
        AssertLetter(letters, "empty_line", poison[3]);
    }

    [Fact]
    public async Task Run_AutoTopicOfUnrecognisableLines_StopsNamingTheSettingToSet()
    {
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 1, appPartitions: 1);
        bed.Produce(KafkaTestBed.AppTopic, 1, Enumerable.Range(0, 20).Select(i => Encoding.UTF8.GetBytes($"<event id={i}/>")));
        var worker = bed.Worker(options: bed.Options(appFormat: "auto"));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => worker.RunAsync(CancellationToken.None).WaitAsync(KafkaTestBed.Patience));

        Assert.Contains("Ingest:Kafka:Topics:app-events", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await bed.CountAsync("dead_letters"));
    }

    private static void AssertLetter(IReadOnlyList<DeadLetter> letters, string reason, Confluent.Kafka.TopicPartitionOffset at) =>
        Assert.Contains(letters, l => l.Reason == reason && l.Position == $"{at.Partition.Value}/{at.Offset.Value}");
}
