using System.IO.Hashing;
using System.Text;

namespace LogSentinel.Detect.Alerts;

/// <summary>Alert ids derived from what the alert is, so every replay of the same data gives the same ids.</summary>
internal static class AlertIds
{
    public static Guid For(string type, string entityKind, string entity, long firstWindowStartMs)
    {
        var text = string.Concat(type, "\n", entityKind, "\n", entity, "\n", firstWindowStartMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(Encoding.UTF8.GetBytes(text), hash);
        return new Guid(hash);
    }
}
