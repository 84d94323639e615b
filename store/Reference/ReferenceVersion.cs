namespace LogSentinel.Store.Reference;

/// <summary>One load of one kind of reference data.</summary>
/// <param name="Kind">Accounts, networks or delegations.</param>
/// <param name="Version">Increasing number; the highest is in force.</param>
/// <param name="LoadedAt">When the load switched in.</param>
/// <param name="LoadedBy">Who loaded it (user or process).</param>
/// <param name="Source">Where the data came from, e.g. the file path.</param>
/// <param name="Rows">How many records the version holds.</param>
public sealed record ReferenceVersion(ReferenceKind Kind, ulong Version, DateTime LoadedAt, string LoadedBy, string Source, ulong Rows);
