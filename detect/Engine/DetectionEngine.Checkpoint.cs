using System.Text;

namespace LogSentinel.Detect.Engine;

/// <summary>
/// Saving and restoring the engine's whole state for checkpoints: counters and watermark, every interned entity in
/// id order (ids are what detector state refers to), the pending window closings, the merger's open alerts and each
/// detector's own state. Restoring into a fresh engine built with the same options and reference data gives an
/// engine that, fed the rest of the events, raises exactly what the saved one would have.
/// </summary>
public sealed partial class DetectionEngine
{
    // Format 2 adds the counts of detections tuning kept back; format 1 checkpoints restore with those counts at zero.
    private const int StateFormat = 2;

    /// <summary>True when every detector can save its state; otherwise no checkpoint is taken.</summary>
    internal bool CanCheckpoint
    {
        get
        {
            foreach (var d in _detectors)
            {
                if (!d.CanCheckpoint)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Ids of the alerts still open to merging (all of them already handed out by <see cref="DrainChangedAlerts"/>).</summary>
    internal IEnumerable<Guid> OpenAlertIds() => _merger.OpenIds;

    /// <summary>The engine's state; alert changes must have been drained first.</summary>
    internal byte[] SaveState()
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(StateFormat);
            w.Write(_detectors.Length);
            foreach (var d in _detectors)
            {
                w.Write(d.Type);
            }

            w.Write(_events);
            w.Write(_late);
            w.Write(_watermark.MaxEventMs);
            w.Write(_watermark.Value);
            w.Write(_context.WatermarkMs);
            WriteNames(w, _entities.Accounts);
            WriteNames(w, _entities.Agencies);
            WriteNames(w, _entities.Apis);
            WriteNames(w, _entities.UserAgents);
            w.Write(_entities.Ips.Count);
            for (var i = 0; i < _entities.Ips.Count; i++)
            {
                var address = _entities.Ips.Address(i);
                w.Write((ulong)(address >> 64));
                w.Write((ulong)address);
            }

            _scheduler.Save(w);
            _merger.Save(w);
            foreach (var d in _detectors)
            {
                d.Save(w, _context);
            }

            WriteCounts(w, _context.SuppressedByType);
            WriteCounts(w, _context.AllowListedByType);
        }

        return stream.ToArray();
    }

    /// <summary>Restores what <see cref="SaveState"/> wrote into this engine, which must not have seen any event.</summary>
    internal void RestoreState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_events != 0)
        {
            throw new InvalidOperationException("A checkpoint can only be restored into a fresh engine.");
        }

        using var r = new BinaryReader(new MemoryStream(state), Encoding.UTF8);
        var format = r.ReadInt32();
        if (format is not (1 or StateFormat))
        {
            throw new InvalidDataException($"The detection checkpoint has format {format}; this version reads {StateFormat}.");
        }

        var detectors = r.ReadInt32();
        var same = detectors == _detectors.Length;
        for (var i = 0; i < detectors; i++)
        {
            var type = r.ReadString();
            same &= i < _detectors.Length && _detectors[i].Type == type;
        }

        if (!same)
        {
            throw new InvalidDataException("The detection checkpoint was taken with other detectors; start a new database or remove the checkpoint.");
        }

        _events = r.ReadInt64();
        _late = r.ReadInt64();
        var maxEvent = r.ReadInt64();
        _watermark.Restore(maxEvent, r.ReadInt64());
        _context.WatermarkMs = r.ReadInt64();
        ReadNames(r, name => _entities.InternAccount(name));
        ReadNames(r, name => _entities.InternAgency(name));
        ReadNames(r, name => _entities.InternApi(name));
        ReadNames(r, name => _entities.InternUserAgent(name));
        var ips = r.ReadInt32();
        for (var i = 0; i < ips; i++)
        {
            var address = ((UInt128)r.ReadUInt64() << 64) | r.ReadUInt64();
            Expect(_entities.InternIp(address), i);
        }

        _scheduler.Load(r);
        _merger.Load(r);
        foreach (var d in _detectors)
        {
            d.Load(r, _context);
        }

        if (format >= 2)
        {
            ReadCounts(r, _context.SuppressedByType);
            ReadCounts(r, _context.AllowListedByType);
        }
    }

    private static void WriteCounts(BinaryWriter w, Dictionary<string, int> counts)
    {
        w.Write(counts.Count);
        foreach (var (type, count) in counts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(type);
            w.Write(count);
        }
    }

    private static void ReadCounts(BinaryReader r, Dictionary<string, int> counts)
    {
        var n = r.ReadInt32();
        for (var i = 0; i < n; i++)
        {
            var type = r.ReadString();
            counts[type] = r.ReadInt32();
        }
    }

    private static void WriteNames(BinaryWriter w, Utf8Interner names)
    {
        w.Write(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var key = names.Key(i);
            w.Write(key.Length);
            w.Write(key);
        }
    }

    private static void ReadNames(BinaryReader r, Func<byte[], int> intern)
    {
        var count = r.ReadInt32();
        for (var i = 0; i < count; i++)
        {
            Expect(intern(r.ReadBytes(r.ReadInt32())), i);
        }
    }

    private static void Expect(int id, int expected)
    {
        if (id != expected)
        {
            throw new InvalidDataException("The detection checkpoint's entities do not restore to the same ids.");
        }
    }
}
