namespace LogSentinel.Store.Tuning;

/// <summary>
/// A new whole document to store, made on <paramref name="BasedOn"/> (the version the writer read): the store
/// refuses it when another change was stored since.
/// </summary>
public sealed record TuningChange(TuningDocument Document, ulong BasedOn, string Actor, string Reason, string Change);
