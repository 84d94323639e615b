using LogSentinel.Detect.Live;
using LogSentinel.Store.Events;

namespace LogSentinel.Tests.Live;

public sealed class PartitionQueueTests
{
    [Fact]
    public void Position_CheckpointFellInsideAMessage_CountsItsLinesFedBeforeAndSince()
    {
        // The checkpoint said: message 10 had one line fed. Its two other lines and message 11 are queued again.
        var queue = new PartitionQueue(0, 2, "app-events") { BaseOffset = 10, BaseRowsFed = 1, Enqueued = 11 };
        var batch = new AppEventBatch();
        for (var i = 0; i < 3; i++)
        {
            batch.Add(new AppEventFields { TimestampMs = 1000 + i, EventKey = (ulong)i, DefaultPassword = -1, PasswordAgeDays = -1 });
        }

        queue.AddApp(batch, 0, 10, 0);
        queue.AddApp(batch, 1, 10, 0);
        queue.AddApp(batch, 2, 11, 0);

        Assert.Equal(new PartitionPosition("app-events", 2, 10, 1), queue.Position());
        queue.Advance();
        Assert.Equal(new PartitionPosition("app-events", 2, 10, 2), queue.Position());
        queue.Advance();
        Assert.Equal(new PartitionPosition("app-events", 2, 11, 0), queue.Position());
        queue.Advance();
        Assert.True(queue.IsEmpty);
        Assert.Equal(new PartitionPosition("app-events", 2, 12, 0), queue.Position());
    }

    [Fact]
    public void CaughtUp_EndReportedButAConsumedMessageNotHandedOver_IsFalseUntilItIs()
    {
        var queue = new PartitionQueue(0, 0, "gateway-access") { Consumed = 41, Enqueued = 40, End = 42 };

        Assert.False(queue.CaughtUp);
        queue.Enqueued = 41;
        Assert.True(queue.CaughtUp);
    }

    [Fact]
    public void LiveCheckpoint_EncodedAndDecoded_KeepsPositionsAndState()
    {
        var checkpoint = new LiveCheckpoint([new PartitionPosition("gateway-access", 3, 1234, 0), new PartitionPosition("app-events", 0, 77, 2)], [1, 2, 3]);

        var decoded = LiveCheckpoint.Decode(checkpoint.Encode());

        Assert.Equal(checkpoint.Positions, decoded.Positions);
        Assert.Equal(checkpoint.EngineState, decoded.EngineState);
    }
}
