namespace LogSentinel.Store;

/// <summary>Names that the store puts into SQL text (database names) must be plain identifiers.</summary>
internal static class SqlIdentifier
{
    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
