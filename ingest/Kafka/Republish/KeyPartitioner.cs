using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace LogSentinel.Ingest.Kafka.Republish;

/// <summary>
/// Where a key goes in an internal topic: XxHash3 (64-bit, seed 0) of the key's bytes — an account's UTF-8 name, an
/// address's 16 bytes (IPv4 mapped into IPv6, little-endian as stored) — modulo the topic's partition count. The same
/// key always lands on the same partition while the count stays; changing an internal topic's partition count moves
/// keys, so reset the detect group's checkpoints when doing so.
/// </summary>
public static class KeyPartitioner
{
    /// <summary>The partition of an account.</summary>
    public static int ForAccount(ReadOnlySpan<byte> account, int partitions) => (int)(XxHash3.HashToUInt64(account) % (ulong)partitions);

    /// <summary>The partition of a client address.</summary>
    public static int ForAddress(UInt128 address, int partitions) =>
        (int)(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(new ReadOnlySpan<UInt128>(in address))) % (ulong)partitions);
}
