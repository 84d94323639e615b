namespace LogSentinel.Store.Schema;

/// <summary>A migration as recorded in the <c>schema_migrations</c> table.</summary>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTime AppliedAt);
