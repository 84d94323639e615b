namespace LogSentinel.Report.Tuning;

/// <summary>One tuning change as the report shows it.</summary>
/// <param name="At">When it took effect (UTC).</param>
/// <param name="Who">Who made it.</param>
/// <param name="What">What changed, e.g. <c>Detection:BruteForce:IpFailures 20 → 30</c>.</param>
/// <param name="Why">The reason given.</param>
public sealed record TuningChangeLine(DateTime At, string Who, string What, string Why);
