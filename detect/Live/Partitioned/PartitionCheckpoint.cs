using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace LogSentinel.Detect.Live.Partitioned;

/// <summary>
/// The checkpoint of one partition of an internal topic: the next offset to feed, the partition engine's state, and
/// the event keys it has fed within the lateness horizon (to drop republished duplicates after a restart). One value
/// in <c>detector_state</c> under <c>detect/&lt;group&gt;/&lt;topic&gt;/&lt;partition&gt;</c> (binary, Brotli, base64),
/// written after every alert change it covers.
/// </summary>
internal sealed class PartitionCheckpoint(long nextOffset, byte[] engineState, IReadOnlyDictionary<ulong, long> recentKeys)
{
    private const int FormatVersion = 1;

    public long NextOffset { get; } = nextOffset;

    public byte[] EngineState { get; } = engineState;

    /// <summary>Event key to event time of the events fed at or after the watermark.</summary>
    public IReadOnlyDictionary<ulong, long> RecentKeys { get; } = recentKeys;

    public static string Key(string groupId, string topic, int partition) =>
        string.Create(CultureInfo.InvariantCulture, $"detect/{groupId}/{topic}/{partition}");

    public string Encode()
    {
        using var raw = new MemoryStream();
        using (var brotli = new BrotliStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(FormatVersion);
            w.Write(NextOffset);
            w.Write(RecentKeys.Count);
            foreach (var (key, ts) in RecentKeys)
            {
                w.Write(key);
                w.Write(ts);
            }

            w.Write(EngineState.Length);
            w.Write(EngineState);
        }

        return Convert.ToBase64String(raw.GetBuffer(), 0, (int)raw.Length);
    }

    public static PartitionCheckpoint Decode(string value, string key)
    {
        using var brotli = new BrotliStream(new MemoryStream(Convert.FromBase64String(value)), CompressionMode.Decompress);
        using var r = new BinaryReader(brotli, Encoding.UTF8);
        var version = r.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException(string.Create(
                CultureInfo.InvariantCulture, $"The partition checkpoint '{key}' has format {version}; this version reads {FormatVersion}."));
        }

        var next = r.ReadInt64();
        var count = r.ReadInt32();
        var keys = new Dictionary<ulong, long>(count);
        for (var i = 0; i < count; i++)
        {
            keys[r.ReadUInt64()] = r.ReadInt64();
        }

        return new PartitionCheckpoint(next, r.ReadBytes(r.ReadInt32()), keys);
    }
}
