namespace LogSentinel.Store.Events;

/// <summary>
/// One application-log event as spans over the parser's input, handed to <see cref="AppEventBatch.Add"/>.
/// The citizen id never reaches this type: only its keyed pseudonym and what detection derives from it.
/// </summary>
public ref struct AppEventFields
{
    /// <summary>Event time in Unix milliseconds, UTC.</summary>
    public long TimestampMs { get; set; }

    public ulong EventKey { get; set; }

    /// <summary>Source address (IPv4 mapped into IPv6); zero when the line had none.</summary>
    public UInt128 ClientIp { get; set; }

    public ReadOnlySpan<byte> Source { get; set; }

    /// <summary><c>citizen_lookup</c>, <c>login</c>, <c>login_failed</c>, <c>logout</c>, <c>password_change</c> or another kept verbatim.</summary>
    public ReadOnlySpan<byte> Event { get; set; }

    public ReadOnlySpan<byte> Account { get; set; }
    public ReadOnlySpan<byte> Agency { get; set; }
    public ReadOnlySpan<byte> SessionId { get; set; }
    public ReadOnlySpan<byte> RequestId { get; set; }

    /// <summary>Keyed pseudonym of the citizen id looked up (ASCII hex); empty when the event looked nobody up.</summary>
    public ReadOnlySpan<byte> CitizenRef { get; set; }

    /// <summary>The 3-digit province code of the citizen id; empty when none.</summary>
    public ReadOnlySpan<byte> CitizenProvince { get; set; }

    /// <summary>Numeric distance to the previous citizen id looked up by the same account, when there was one.</summary>
    public long IdDelta { get; set; }

    public bool HasIdDelta { get; set; }
    public ReadOnlySpan<byte> Purpose { get; set; }
    public ReadOnlySpan<byte> Result { get; set; }

    /// <summary>On <c>login</c>: 1 when the account still uses its issued password, 0 when not, -1 when the line did not say.</summary>
    public sbyte DefaultPassword { get; set; }

    /// <summary>On <c>login</c>: days since the last password change, or -1 when the line did not say.</summary>
    public int PasswordAgeDays { get; set; }

    public ReadOnlySpan<byte> Extra { get; set; }
}
