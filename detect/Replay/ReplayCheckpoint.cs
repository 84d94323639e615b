using System.IO.Compression;
using System.Text;
using LogSentinel.Store.State;

namespace LogSentinel.Detect.Replay;

/// <summary>
/// A checkpoint of a replay: where detection stands in each file and the engine's state at that instant, one
/// value in <c>detector_state</c> (binary, Brotli-compressed, base64). See <see cref="ReplayRunner"/> for what it is
/// consistent with.
/// </summary>
internal sealed class ReplayCheckpoint(IReadOnlyList<ReplayCheckpoint.FilePosition> files, byte[] engineState)
{
    public const string Key = "detect/replay/checkpoint";

    private const int FormatVersion = 1;

    public IReadOnlyList<FilePosition> Files { get; } = files;

    public byte[] EngineState { get; } = engineState;

    public FilePosition? Find(string ledgerKey)
    {
        foreach (var f in Files)
        {
            if (f.LedgerKey == ledgerKey)
            {
                return f;
            }
        }

        return null;
    }

    public string Encode()
    {
        using var raw = new MemoryStream();
        using (var brotli = new BrotliStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(FormatVersion);
            w.Write(Files.Count);
            foreach (var f in Files)
            {
                w.Write(f.LedgerKey);
                w.Write(f.ConsumedThroughLine);
                w.Write(f.DetectedThroughLine);
            }

            w.Write(EngineState.Length);
            w.Write(EngineState);
        }

        return Convert.ToBase64String(raw.GetBuffer(), 0, (int)raw.Length);
    }

    public static ReplayCheckpoint Decode(string value)
    {
        using var brotli = new BrotliStream(new MemoryStream(Convert.FromBase64String(value)), CompressionMode.Decompress);
        using var r = new BinaryReader(brotli, Encoding.UTF8);
        var version = r.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"The replay checkpoint has format {version}; this version reads {FormatVersion}.");
        }

        var files = new FilePosition[r.ReadInt32()];
        for (var i = 0; i < files.Length; i++)
        {
            files[i] = new FilePosition(r.ReadString(), r.ReadInt64(), r.ReadInt64());
        }

        var state = r.ReadBytes(r.ReadInt32());
        return new ReplayCheckpoint(files, state);
    }

    public static async Task<ReplayCheckpoint?> LoadAsync(IStateStore state, CancellationToken cancellationToken)
    {
        var value = await state.GetAsync(Key, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(value) ? null : Decode(value);
    }

    /// <summary>
    /// Where detection stands in one file: every line up to <paramref name="ConsumedThroughLine"/> was detected and
    /// queued for the store before the checkpoint; the events of later lines up to <paramref name="DetectedThroughLine"/>
    /// were detected too but not yet stored. Lines, not batch rows, so a rerun may cut its batches differently.
    /// </summary>
    internal sealed record FilePosition(string LedgerKey, long ConsumedThroughLine, long DetectedThroughLine);
}
