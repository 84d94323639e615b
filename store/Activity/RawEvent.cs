namespace LogSentinel.Store.Activity;

/// <summary>
/// One stored event as an analyst sees it: a gateway request or an application event. Citizen ids appear only as
/// their keyed pseudonym and province code.
/// </summary>
/// <param name="At">Event time (UTC).</param>
/// <param name="Table"><c>gateway</c> or <c>app</c>.</param>
/// <param name="EventKey">The event's key (hex).</param>
/// <param name="Account">Account, or empty.</param>
/// <param name="Agency">Agency, or empty.</param>
/// <param name="ClientIp">Source address.</param>
/// <param name="Action">Gateway: method and path; application: the event name.</param>
/// <param name="Outcome">Gateway: the status code; application: the result.</param>
/// <param name="UserAgent">Gateway user agent; empty for application events.</param>
/// <param name="CitizenRef">Pseudonym of the citizen looked up, or empty.</param>
/// <param name="CitizenProvince">Province code of the citizen id, or empty.</param>
public sealed record RawEvent(
    DateTime At, string Table, string EventKey, string Account, string Agency, string ClientIp, string Action, string Outcome, string UserAgent,
    string CitizenRef, string CitizenProvince);
