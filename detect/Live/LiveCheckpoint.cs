using System.IO.Compression;
using System.Text;
using LogSentinel.Store.State;

namespace LogSentinel.Detect.Live;

/// <summary>
/// A checkpoint of live detection: the engine's whole state and, for every partition it has read, the position
/// detection had reached in it. One value in <c>detector_state</c> per consumer group (binary, Brotli, base64).
/// Written only once every event it covers is stored and every alert change it covers is written.
/// </summary>
internal sealed class LiveCheckpoint(IReadOnlyList<PartitionPosition> positions, byte[] engineState)
{
    private const int FormatVersion = 1;

    public IReadOnlyList<PartitionPosition> Positions { get; } = positions;

    public byte[] EngineState { get; } = engineState;

    public static string Key(string groupId) => "detect/live/" + groupId + "/checkpoint";

    public string Encode()
    {
        using var raw = new MemoryStream();
        using (var brotli = new BrotliStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(FormatVersion);
            w.Write(Positions.Count);
            foreach (var p in Positions)
            {
                w.Write(p.Topic);
                w.Write(p.Partition);
                w.Write(p.NextOffset);
                w.Write(p.RowsFed);
            }

            w.Write(EngineState.Length);
            w.Write(EngineState);
        }

        return Convert.ToBase64String(raw.GetBuffer(), 0, (int)raw.Length);
    }

    public static LiveCheckpoint Decode(string value)
    {
        using var brotli = new BrotliStream(new MemoryStream(Convert.FromBase64String(value)), CompressionMode.Decompress);
        using var r = new BinaryReader(brotli, Encoding.UTF8);
        var version = r.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"The live detection checkpoint has format {version}; this version reads {FormatVersion}.");
        }

        var positions = new PartitionPosition[r.ReadInt32()];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = new PartitionPosition(r.ReadString(), r.ReadInt32(), r.ReadInt64(), r.ReadInt32());
        }

        return new LiveCheckpoint(positions, r.ReadBytes(r.ReadInt32()));
    }

    public static async Task<LiveCheckpoint?> LoadAsync(IStateStore state, string groupId, CancellationToken cancellationToken)
    {
        var value = await state.GetAsync(Key(groupId), cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(value) ? null : Decode(value);
    }
}
