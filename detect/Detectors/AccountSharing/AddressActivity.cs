namespace LogSentinel.Detect.Detectors.AccountSharing;

/// <summary>One address's events inside the window being judged.</summary>
internal struct AddressActivity
{
    public int Ip;
    public int Events;

    /// <summary>Key of the address's first event of the window, in time order.</summary>
    public ulong SampleKey;
}
