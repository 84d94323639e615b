namespace LogSentinel.Detect.Engine;

/// <summary>An application event as detectors see it: interned ids and numbers, no strings.</summary>
internal struct AppEvent
{
    public long TimestampMs;
    public ulong EventKey;
    public AppEventKind Kind;

    /// <summary>Interned account id; -1 when the line named none.</summary>
    public int Account;

    /// <summary>Interned agency id; -1 when none.</summary>
    public int Agency;

    /// <summary>Interned source address id; -1 when the line had none.</summary>
    public int Ip;

    /// <summary>Hash of the session id; 0 when none.</summary>
    public ulong Session;

    /// <summary>The first 64 bits of the citizen pseudonym; 0 when the event looked nobody up.</summary>
    public ulong CitizenRef;

    public long IdDelta;
    public bool HasIdDelta;

    /// <summary>1 issued password, 0 changed, -1 not said.</summary>
    public sbyte DefaultPassword;

    /// <summary>Days since the last password change; -1 not said.</summary>
    public int PasswordAgeDays;

    /// <summary>Province code of the looked-up citizen's birth registration (the id's first three digits); -1 when not said.</summary>
    public int Province;

    /// <summary>Whether the lookup found nobody.</summary>
    public LookupOutcome Result;
}
