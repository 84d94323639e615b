namespace LogSentinel.Simulate;

/// <summary>Progress after each simulated day is written.</summary>
/// <param name="DaysDone">Days written so far.</param>
/// <param name="Days">Days in the run.</param>
/// <param name="Events">Log lines written so far (all streams).</param>
/// <param name="Date">The local date just written.</param>
public readonly record struct SimulationProgress(int DaysDone, int Days, long Events, DateOnly Date);
