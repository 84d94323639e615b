namespace LogSentinel.Store.Reports;

/// <summary>What happened in a span of event time: traffic and the people and places behind it.</summary>
/// <param name="GatewayEvents">Requests the gateway logged.</param>
/// <param name="AppEvents">Events the applications logged (logins, lookups, ...).</param>
/// <param name="Lookups">Citizen lookups.</param>
/// <param name="FailedLogins">Failed logins.</param>
/// <param name="ServerErrors">Gateway responses with a 5xx status.</param>
/// <param name="ActiveAccounts">Distinct accounts seen in either log.</param>
/// <param name="ActiveAddresses">Distinct source addresses seen in either log.</param>
/// <param name="ActiveAgencies">Distinct agencies seen in either log.</param>
public sealed record ActivityFigures(
    ulong GatewayEvents, ulong AppEvents, ulong Lookups, ulong FailedLogins, ulong ServerErrors, ulong ActiveAccounts, ulong ActiveAddresses, ulong ActiveAgencies)
{
    public ulong Events => GatewayEvents + AppEvents;
}

/// <summary>One local day of traffic, from the per-minute rollups.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Requests">Gateway requests.</param>
/// <param name="Lookups">Citizen lookups.</param>
/// <param name="FailedLogins">Failed logins.</param>
public sealed record DailyVolume(DateOnly Date, ulong Requests, ulong Lookups, ulong FailedLogins);

/// <summary>Alerts first seen on one local day.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Alerts">All alerts first seen that day.</param>
/// <param name="Serious">Those of high or critical severity.</param>
public sealed record DailyAlertCount(DateOnly Date, ulong Alerts, ulong Serious);

/// <summary>Traffic in one local clock hour.</summary>
/// <param name="Hour">0-23, local time.</param>
/// <param name="Requests">Gateway requests.</param>
/// <param name="Lookups">Citizen lookups.</param>
public sealed record HourlyVolume(int Hour, ulong Requests, ulong Lookups);

/// <summary>An entity ranked by its traffic in a span.</summary>
/// <param name="Name">Account name or address.</param>
/// <param name="Agency">Agency of the account, when known.</param>
/// <param name="Lookups">Citizen lookups.</param>
/// <param name="Requests">Gateway requests.</param>
public sealed record EntityVolume(string Name, string Agency, ulong Lookups, ulong Requests);

/// <summary>How analysts are keeping up with alerts.</summary>
/// <param name="OpenTotal">Alerts not yet closed, whenever raised (the backlog).</param>
/// <param name="OpenOfDay">Alerts first seen in the span and still not closed.</param>
/// <param name="ClosedInSpanByDisposition">Alerts closed during the span (wall clock), by the analyst's disposition.</param>
/// <param name="MedianHoursToClose">Median hours from raising to closing of those, or null when none closed.</param>
/// <param name="MaxHoursToClose">Longest of those, or null.</param>
public sealed record TriageFigures(
    ulong OpenTotal, ulong OpenOfDay, IReadOnlyDictionary<string, ulong> ClosedInSpanByDisposition, double? MedianHoursToClose, double? MaxHoursToClose);

/// <summary>One log source (a Kafka topic or a file) as the day saw it.</summary>
/// <param name="Source">The source name.</param>
/// <param name="Table"><c>gateway_events</c> or <c>app_events</c>.</param>
/// <param name="EventsInSpan">Events with event time in the span.</param>
/// <param name="EventsBefore">Events in the lookback before the span.</param>
/// <param name="LastEvent">Newest event time of the source up to the end of the span (UTC), or null.</param>
/// <param name="MedianDelaySeconds">Median time from event to storage, over the span's events; null without events.</param>
/// <param name="P95DelaySeconds">95th percentile of the same; null without events.</param>
/// <param name="FirstStored">When the first of the span's events was stored (UTC), or null: tells a live feed from history loaded afterwards.</param>
public sealed record SourceActivity(
    string Source,
    string Table,
    ulong EventsInSpan,
    ulong EventsBefore,
    DateTime? LastEvent,
    double? MedianDelaySeconds,
    double? P95DelaySeconds,
    DateTime? FirstStored);

/// <summary>A stretch without any event from a source.</summary>
/// <param name="Source">The source name.</param>
/// <param name="From">Last minute with events before the gap (UTC).</param>
/// <param name="To">First minute with events after it (UTC).</param>
public sealed record IngestGap(string Source, DateTime From, DateTime To)
{
    public TimeSpan Length => To - From;
}
