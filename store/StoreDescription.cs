namespace LogSentinel.Store;

/// <summary>What a store is connected to.</summary>
/// <param name="Transport"><c>embedded</c> or <c>server</c>.</param>
/// <param name="Location">The data directory, or the server's URL.</param>
/// <param name="Database">The database holding LogSentinel's tables.</param>
public sealed record StoreDescription(string Transport, string Location, string Database);

/// <summary>Rows in one table.</summary>
public sealed record TableRowCount(string Table, ulong Rows);

/// <summary>The outcome of <see cref="ILogStore.CheckRoundTripAsync"/>.</summary>
/// <param name="Written">Rows written.</param>
/// <param name="ReadBack">Rows read back.</param>
/// <param name="Matching">Rows read back equal, field by field, to what was written.</param>
public sealed record RoundTripResult(int Written, int ReadBack, int Matching)
{
    public bool Succeeded => Written == ReadBack && ReadBack == Matching;
}
