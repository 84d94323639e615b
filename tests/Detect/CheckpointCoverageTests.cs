using LogSentinel.Detect;
using LogSentinel.Detect.Engine;

namespace LogSentinel.Tests.Detect;

public sealed class CheckpointCoverageTests
{
    [Fact]
    public void Engine_EveryDetectorSavesItsState_SoReplaysCanCheckpoint()
    {
        // A detector without Save/Load silently turns checkpoints off for the whole engine; this keeps new ones honest.
        var engine = new DetectionEngine(new DetectionOptions(), ReferenceData.Empty, TimeProvider.System);

        Assert.True(engine.CanCheckpoint);
    }
}
