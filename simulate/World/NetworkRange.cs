using System.Globalization;

namespace LogSentinel.Simulate.World;

/// <summary>An IPv4 range an agency is registered to call the gateway from.</summary>
internal sealed class NetworkRange(int agencyIndex, uint baseAddress, int prefixLength, string label)
{
    public int AgencyIndex { get; } = agencyIndex;

    public uint BaseAddress { get; } = baseAddress;

    public int PrefixLength { get; } = prefixLength;

    public string Label { get; } = label;

    private uint Mask => PrefixLength == 0 ? 0 : uint.MaxValue << (32 - PrefixLength);

    public bool Contains(uint address) => (address & Mask) == BaseAddress;

    /// <summary>The address of host <paramref name="host"/> inside the range.</summary>
    public uint Host(int host) => BaseAddress + (uint)host;

    public string Cidr => string.Create(CultureInfo.InvariantCulture, $"{Ipv4.ToText(BaseAddress)}/{PrefixLength}");
}
