using System.Net;
using LogSentinel.Store.Events;

namespace LogSentinel.Detect.Engine;

/// <summary>Maps source addresses (IPv6, IPv4 mapped) to dense ids; the text form is made once per new address.</summary>
internal sealed class IpInterner
{
    private readonly Dictionary<UInt128, int> _ids = [];
    private readonly List<UInt128> _addresses = [];
    private readonly List<string> _names = [];

    public int Count => _addresses.Count;

    public UInt128 Address(int id) => _addresses[id];

    /// <summary>The address as people write it: dotted for IPv4, RFC 5952 for IPv6.</summary>
    public string Name(int id) => _names[id];

    public int Intern(UInt128 address, out bool added)
    {
        if (_ids.TryGetValue(address, out var id))
        {
            added = false;
            return id;
        }

        id = _addresses.Count;
        _ids.Add(address, id);
        _addresses.Add(address);
        _names.Add(ToText(address));
        added = true;
        return id;
    }

    public int Find(UInt128 address) => _ids.TryGetValue(address, out var id) ? id : -1;

    internal static string ToText(UInt128 address)
    {
        var ip = IpAddresses.ToIPAddress(address);
        return (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
    }

    internal static UInt128 FromIPAddress(IPAddress address) => IpAddresses.FromIPAddress(address);
}
