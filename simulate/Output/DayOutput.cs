namespace LogSentinel.Simulate.Output;

/// <summary>The encoded lines of one simulated day, per stream, ready to hand to a sink in order.</summary>
internal sealed class DayOutput(int day)
{
    public int Day { get; } = day;

    public List<EventBatch> Gateway { get; } = [];

    public List<EventBatch> App { get; } = [];

    public long GatewayLines { get; set; }

    public long AppLines { get; set; }
}
