namespace LogSentinel.Detect.Engine;

/// <summary>What kind of client a User-Agent header names.</summary>
internal enum UserAgentClass : byte
{
    /// <summary>A desktop browser.</summary>
    Browser,

    /// <summary>An HTTP library or scripting host (WinHttp, MSXML, Office/VBA, curl, python, Java...): not an approved browser client.</summary>
    Script,

    /// <summary>No header, or one too bare to tell.</summary>
    Unknown,
}
