namespace LogSentinel.Store.Reports;

/// <summary>Which workflow states count as closed when reports measure triage; every other state is still open.</summary>
public static class AlertStates
{
    public const string Open = "open";

    /// <summary>Closed states: the analyst's verdict is in <c>disposition</c>.</summary>
    public static IReadOnlyList<string> Closed { get; } = ["closed", "resolved", "dismissed"];
}
