namespace LogSentinel.QueryApi.Hosting;

/// <summary>Times leave the API in Vietnam's local time with its offset (+07:00), as the analysts read them and as <c>alerts --json</c> writes them.</summary>
internal static class ApiTime
{
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    public static DateTimeOffset Local(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(LocalOffset);

    public static DateTimeOffset? Local(DateTime? utc) => utc is null ? null : Local(utc.Value);
}
