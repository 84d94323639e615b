namespace LogSentinel.Store.Events;

/// <summary>The two raw event tables.</summary>
public enum EventTable
{
    Gateway,
    App,
}
