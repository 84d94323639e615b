namespace LogSentinel.Detect.Engine;

/// <summary>The <c>result</c> of a citizen lookup, as far as detection cares.</summary>
internal enum LookupOutcome : byte
{
    /// <summary>Found, or not said.</summary>
    Other,

    NotFound,
}
