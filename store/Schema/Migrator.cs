using System.Globalization;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Schema;

/// <summary>
/// Brings a database up to the newest schema: creates it, then applies each migration not yet recorded in
/// <c>schema_migrations</c>, recording it once all its statements succeeded.
/// </summary>
internal sealed class Migrator(IClickHouseTransport transport, string database, int retentionDays)
{
    public async Task<IReadOnlyList<AppliedMigration>> MigrateAsync(CancellationToken cancellationToken)
    {
        await transport.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {database}", null, cancellationToken).ConfigureAwait(false);
        await transport.ExecuteAsync(Render(OperationsTables.SchemaMigrations), null, cancellationToken).ConfigureAwait(false);

        var applied = await ReadAppliedAsync(cancellationToken).ConfigureAwait(false);
        var newlyApplied = new List<AppliedMigration>();
        foreach (var migration in Migrations.All)
        {
            if (applied.TryGetValue(migration.Version, out var recorded))
            {
                if (!string.Equals(recorded.Checksum, migration.Checksum, StringComparison.Ordinal))
                {
                    throw new StoreException(
                        $"Schema migration {migration.Version} ({migration.Name}) in database {database} was applied with checksum {recorded.Checksum} " +
                        $"but this version of LogSentinel has {migration.Checksum}: a shipped migration was changed.");
                }

                continue;
            }

            foreach (var statement in migration.Statements)
            {
                await transport.ExecuteAsync(Render(statement), null, cancellationToken).ConfigureAwait(false);
            }

            var record = new AppliedMigration(migration.Version, migration.Name, migration.Checksum, DateTime.UtcNow);
            await transport.ExecuteAsync(
                $"INSERT INTO {database}.schema_migrations (version, name, checksum, applied_at) VALUES ({{version:UInt32}}, {{name:String}}, {{checksum:String}}, {{applied_at:DateTime64(3)}})",
                new QueryParameters()
                    .Add("version", record.Version)
                    .Add("name", record.Name)
                    .Add("checksum", record.Checksum)
                    .Add("applied_at", record.AppliedAt),
                cancellationToken).ConfigureAwait(false);
            newlyApplied.Add(record);
        }

        return newlyApplied;
    }

    public async Task<Dictionary<int, AppliedMigration>> ReadAppliedAsync(CancellationToken cancellationToken)
    {
        var result = await transport.QueryAsync(
            $"SELECT version, name, checksum, applied_at FROM {database}.schema_migrations ORDER BY version",
            null,
            cancellationToken).ConfigureAwait(false);
        var applied = new Dictionary<int, AppliedMigration>();
        foreach (var row in result.Rows)
        {
            var version = Convert.ToInt32(row[0], CultureInfo.InvariantCulture);
            applied[version] = new AppliedMigration(version, (string)row[1]!, (string)row[2]!, (DateTime)row[3]!);
        }

        return applied;
    }

    private string Render(string statement) => MigrationText.Render(statement, database, retentionDays);
}
