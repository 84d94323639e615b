using System.Globalization;
using LogSentinel.Store;

namespace LogSentinel.Tests.Report;

/// <summary>Counts asked of the store directly in SQL, written independently of the report's own queries.</summary>
internal static class StoreCounts
{
    /// <summary>The single number a statement returns.</summary>
    public static async Task<ulong> ScalarAsync(ILogStore store, string sql)
    {
        var output = System.Text.Encoding.UTF8.GetString(await store.RunOperatorQueryAsync(sql + " FORMAT TSV"));
        return ulong.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>Rows of two columns (key, count) a statement returns.</summary>
    public static async Task<Dictionary<string, ulong>> PairsAsync(ILogStore store, string sql)
    {
        var output = System.Text.Encoding.UTF8.GetString(await store.RunOperatorQueryAsync(sql + " FORMAT TSV"));
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => ulong.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>A SQL condition: the column's time falls on the local day (UTC+7), computed by the engine from the date.</summary>
    public static string OnLocalDay(string column, DateOnly day) =>
        $"toDate({column}, 'Asia/Ho_Chi_Minh') = toDate('{day:yyyy-MM-dd}')";
}
