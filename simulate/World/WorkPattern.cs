namespace LogSentinel.Simulate.World;

/// <summary>When an account is normally used.</summary>
internal enum WorkPattern : byte
{
    /// <summary>Monday to Friday office hours with a lunch break.</summary>
    Office,

    /// <summary>Office hours plus Saturday mornings on a rota (one-stop centres).</summary>
    OneStop,

    /// <summary>Night shifts on a three-day rotation, 22:00 to 06:00 (police).</summary>
    NightShift,

    /// <summary>System-to-system integration: around the clock at a steady rate.</summary>
    Service,
}
