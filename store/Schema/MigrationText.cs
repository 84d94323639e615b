using System.Globalization;

namespace LogSentinel.Store.Schema;

/// <summary>Fills a migration statement's placeholders: <c>{db}</c> and <c>{retention_days}</c>.</summary>
internal static class MigrationText
{
    public static string Render(string statement, string database, int retentionDays) => statement
        .Replace("{db}", database, StringComparison.Ordinal)
        .Replace("{retention_days}", retentionDays.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
