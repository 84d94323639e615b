namespace LogSentinel.Detect.Detectors.WeakCredentials;

/// <summary>
/// One account's weak logins, per one-minute window not yet closed. A login of a later minute can arrive before the
/// watermark closes the earlier one, so each open minute keeps its own counts.
/// </summary>
internal sealed class WeakCredentialsState
{
    public List<WeakLoginWindow> Open { get; } = [];

    /// <summary>The open window of <paramref name="minute"/>, created when missing.</summary>
    public ref WeakLoginWindow Window(long minute)
    {
        var windows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Open);
        for (var i = 0; i < windows.Length; i++)
        {
            if (windows[i].Minute == minute)
            {
                return ref windows[i];
            }
        }

        Open.Add(new WeakLoginWindow { Minute = minute, MaxAgeDays = -1, Ip = -1 });
        return ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Open)[^1];
    }

    /// <summary>Removes and returns the window of <paramref name="minute"/>, if it is open.</summary>
    public bool TryClose(long minute, out WeakLoginWindow window)
    {
        for (var i = 0; i < Open.Count; i++)
        {
            if (Open[i].Minute == minute)
            {
                window = Open[i];
                Open.RemoveAt(i);
                return true;
            }
        }

        window = default;
        return false;
    }
}

/// <summary>Weak logins of one account in one minute.</summary>
internal struct WeakLoginWindow
{
    public long Minute;
    public int Logins;
    public bool DefaultPassword;
    public int MaxAgeDays;
    public int Ip;
    public ulong SampleKey;
    public long FirstMs;
}
