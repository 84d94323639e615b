namespace LogSentinel.Store.DeadLetters;

/// <summary>Which dead letters to list.</summary>
/// <param name="Reason">Only this reason; null for all.</param>
/// <param name="Source">Only this source; null for all.</param>
/// <param name="Since">Only those set aside at or after this time.</param>
/// <param name="IncludeRedriven">Also those a re-drive already ingested.</param>
/// <param name="Limit">At most this many, oldest first.</param>
public sealed record DeadLetterQuery(string? Reason = null, string? Source = null, DateTime? Since = null, bool IncludeRedriven = false, int Limit = 1000);
