using LogSentinel.Store.Reference;

namespace LogSentinel.Cli.Reference;

internal static class ReferenceStoreNames
{
    public static string Kind(ReferenceKind kind) => kind.ToString().ToLowerInvariant();
}
