namespace LogSentinel.Store.Reports;

/// <summary>A page of the stored reports (newest generation of each day, agency and language), filtered and sorted in the store.</summary>
public sealed record ReportSearch
{
    /// <summary>First local day, inclusive; null: no lower bound.</summary>
    public DateOnly? First { get; init; }

    /// <summary>Last local day, inclusive; null: no upper bound.</summary>
    public DateOnly? Last { get; init; }

    /// <summary>Only this agency's reports; null or empty: every report (the province's included).</summary>
    public string? Agency { get; init; }

    /// <summary>Only this language (<c>vi</c>, <c>en</c>); null or empty: both.</summary>
    public string? Language { get; init; }

    /// <summary>Sort by generation time instead of by date.</summary>
    public bool SortByGeneratedAt { get; init; }

    public bool Descending { get; init; } = true;

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}

/// <summary>One page of stored reports and how many match in all.</summary>
public sealed record ReportPage(IReadOnlyList<StoredReportInfo> Items, long Total);
