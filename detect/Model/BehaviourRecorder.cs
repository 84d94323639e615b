using LogSentinel.Store.Models;

namespace LogSentinel.Detect.Model;

/// <summary>Feature windows and shadow scores produced since the last drain, for the replay to write to the store.</summary>
internal sealed class BehaviourRecorder
{
    public List<ModelWindowRecord> Windows { get; } = [];

    public List<ModelScoreRecord> Scores { get; } = [];
}
