using System.IO.Hashing;
using System.Numerics;

namespace LogSentinel.Ingest.Privacy;

/// <summary>
/// The last citizen id each account looked up, so the parser can give the distance to the previous one (sequential
/// enumeration is the signature of scripted look-ups) before the id is pseudonymized. Memory only: never persisted,
/// logged or exposed. Bounded: a 4-way set-associative table keyed by a 64-bit hash of the account name; a full set
/// evicts its least recently used account, which then simply has no previous id on its next look-up.
/// </summary>
internal sealed class AccountLastIdTable
{
    private const int Ways = 4;

    private readonly ulong[] _keys;
    private readonly long[] _lastIds;
    private readonly ulong[] _lastUse;
    private readonly int _setMask;
    private ulong _clock;

    public AccountLastIdTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, Ways);
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)capacity);
        _keys = new ulong[slots];
        _lastIds = new long[slots];
        _lastUse = new ulong[slots];
        _setMask = (slots / Ways) - 1;
    }

    public int Capacity => _keys.Length;

    /// <summary>Records <paramref name="citizenId"/> as the account's last id and returns the one it replaces, if any.</summary>
    public bool Exchange(ReadOnlySpan<byte> account, long citizenId, out long previousId)
    {
        // Zero marks an empty slot, so no account may hash to it.
        var key = XxHash3.HashToUInt64(account) | 1UL;
        // The set comes from the high bits: the low bit is forced to one above.
        var first = (int)((key >> 32) & (ulong)_setMask) * Ways;
        var victim = first;
        var clock = ++_clock;
        for (var slot = first; slot < first + Ways; slot++)
        {
            if (_keys[slot] == key)
            {
                previousId = _lastIds[slot];
                _lastIds[slot] = citizenId;
                _lastUse[slot] = clock;
                return true;
            }

            if (_lastUse[slot] < _lastUse[victim])
            {
                victim = slot;
            }
        }

        _keys[victim] = key;
        _lastIds[victim] = citizenId;
        _lastUse[victim] = clock;
        previousId = 0;
        return false;
    }

    /// <summary>Forgets every account (the ids are dropped from memory).</summary>
    public void Clear()
    {
        Array.Clear(_keys);
        Array.Clear(_lastIds);
        Array.Clear(_lastUse);
    }
}
