using System.IO.Hashing;
using System.Text;

namespace LogSentinel.Detect.Engine;

/// <summary>
/// Maps UTF-8 names (accounts, agencies, APIs, user agents) to dense ids straight from a batch's bytes: a name
/// seen before costs a hash and a compare, no allocation; only a new name allocates its string once.
/// </summary>
internal sealed class Utf8Interner
{
    private int[] _buckets = new int[1024];
    private byte[][] _keys = new byte[256][];
    private ulong[] _hashes = new ulong[256];
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    /// <summary>The bytes <paramref name="id"/> was interned from (also when they were not valid UTF-8).</summary>
    public ReadOnlySpan<byte> Key(int id) => _keys[id];

    /// <summary>The name of <paramref name="id"/>.</summary>
    public string Name(int id) => _names[id];

    /// <summary>The id of <paramref name="utf8"/>, added when new; <paramref name="added"/> says whether it was.</summary>
    public int Intern(ReadOnlySpan<byte> utf8, out bool added)
    {
        var hash = XxHash3.HashToUInt64(utf8);
        var mask = _buckets.Length - 1;
        var slot = (int)hash & mask;
        while (true)
        {
            var entry = _buckets[slot] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && utf8.SequenceEqual(_keys[entry]))
            {
                added = false;
                return entry;
            }

            slot = (slot + 1) & mask;
        }

        var id = _names.Count;
        if (id == _keys.Length)
        {
            Array.Resize(ref _keys, id * 2);
            Array.Resize(ref _hashes, id * 2);
        }

        _keys[id] = utf8.ToArray();
        _hashes[id] = hash;
        _names.Add(Encoding.UTF8.GetString(utf8));
        _buckets[slot] = id + 1;
        if ((id + 1) * 2 > _buckets.Length)
        {
            Rehash();
        }

        added = true;
        return id;
    }

    /// <summary>The id of <paramref name="name"/>, or -1 when it was never interned.</summary>
    public int Find(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        var hash = XxHash3.HashToUInt64(bytes);
        var mask = _buckets.Length - 1;
        for (var slot = (int)hash & mask; _buckets[slot] != 0; slot = (slot + 1) & mask)
        {
            var entry = _buckets[slot] - 1;
            if (_hashes[entry] == hash && bytes.AsSpan().SequenceEqual(_keys[entry]))
            {
                return entry;
            }
        }

        return -1;
    }

    private void Rehash()
    {
        var buckets = new int[_buckets.Length * 2];
        var mask = buckets.Length - 1;
        for (var id = 0; id < _names.Count; id++)
        {
            var slot = (int)_hashes[id] & mask;
            while (buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            buckets[slot] = id + 1;
        }

        _buckets = buckets;
    }
}
