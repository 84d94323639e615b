namespace LogSentinel.Store.Alerts;

/// <summary>The orders the alert queue can be sorted by; ties are broken by id so pages never overlap.</summary>
public enum AlertSort
{
    LastSeen,
    FirstSeen,
    Score,
    Type,
    Entity,
    State,
    Occurrences,
}
