using System.Security.Cryptography;
using System.Text;

namespace LogSentinel.Store.Schema;

/// <summary>
/// One versioned step of the schema. Its statements are idempotent (IF NOT EXISTS; a backfill copies only while its
/// migration is unrecorded), so a step interrupted half way simply runs again (a backfill interrupted part way may
/// then copy part of its rows twice); <c>{db}</c> and <c>{retention_days}</c> are filled in from the store options.
/// </summary>
internal sealed record Migration(int Version, string Name, IReadOnlyList<string> Statements)
{
    /// <summary>A fingerprint of the statements, recorded when applied, so an edited migration is noticed.</summary>
    public string Checksum
    {
        get
        {
            var text = string.Join("\n;\n", Statements);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }
}
