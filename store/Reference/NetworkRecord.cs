using System.Net;

namespace LogSentinel.Store.Reference;

/// <summary>An address range an agency is registered to call from (a line of networks.csv).</summary>
/// <param name="Agency">The agency's code.</param>
/// <param name="Cidr">The range as written, e.g. <c>10.52.4.0/24</c>.</param>
/// <param name="RangeStart">First address of the range (IPv4 mapped into IPv6).</param>
/// <param name="RangeEnd">Last address of the range.</param>
/// <param name="Label">What the range is, e.g. the branch office's LAN.</param>
public sealed record NetworkRecord(string Agency, string Cidr, IPAddress RangeStart, IPAddress RangeEnd, string Label);
