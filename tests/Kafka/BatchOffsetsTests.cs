using LogSentinel.Ingest.Kafka;

namespace LogSentinel.Tests.Kafka;

public sealed class BatchOffsetsTests
{
    [Fact]
    public void Record_InterleavedPartitions_KeepsFirstAndLastOfEach()
    {
        var offsets = new BatchOffsets();
        var a = new PartitionKey(0, 0);
        var b = new PartitionKey(0, 1);

        offsets.Record(a, 10);
        offsets.Record(a, 11);
        offsets.Record(b, 500);
        offsets.Record(a, 12);
        offsets.Record(b, 501);

        Assert.Equal(new OffsetRange(10, 12), offsets.Ranges[a]);
        Assert.Equal(new OffsetRange(500, 501), offsets.Ranges[b]);
        Assert.True(offsets.Contains(b));
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var offsets = new BatchOffsets();
        offsets.Record(new PartitionKey(1, 3), 7);

        offsets.Clear();

        Assert.True(offsets.IsEmpty);
        Assert.Empty(offsets.Ranges);
        Assert.False(offsets.Contains(new PartitionKey(1, 3)));
    }
}
