using System.Globalization;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Tuning;

/// <summary>The tuning document in <c>tuning_versions</c>; see <see cref="Schema.TuningTables"/> for how racing writers are settled.</summary>
internal sealed class TuningStore(IClickHouseTransport transport, string database, TimeProvider time) : ITuningStore
{
    private static readonly (string, ColumnKind)[] Columns =
    [
        ("version", ColumnKind.UInt64), ("change_id", ColumnKind.Uuid), ("written_at", ColumnKind.DateTime64Ms), ("actor", ColumnKind.String),
        ("reason", ColumnKind.String), ("change", ColumnKind.String), ("based_on", ColumnKind.UInt64), ("reverted_to", ColumnKind.UInt64),
        ("document", ColumnKind.String),
    ];

    private const string SelectColumns = "version, written_at, actor, reason, change, based_on, reverted_to, document";

    // One row per version: the first written wins (LIMIT 1 BY after ordering by the winner rule).
    private string Winners => $"SELECT {SelectColumns}, change_id FROM {database}.tuning_versions ORDER BY version, written_at, change_id LIMIT 1 BY version";

    public async Task<TuningVersion> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync($"SELECT {SelectColumns} FROM ({Winners}) ORDER BY version DESC LIMIT 1", null, cancellationToken)
            .ConfigureAwait(false);
        return result.Rows.Count == 0 ? TuningVersion.Initial : Read(result.Rows[0]);
    }

    public async Task<ulong> GetCurrentVersionAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync($"SELECT max(version) FROM {database}.tuning_versions", null, cancellationToken).ConfigureAwait(false);
        return Convert.ToUInt64(result.Rows[0][0], CultureInfo.InvariantCulture);
    }

    public async Task<TuningVersion?> GetVersionAsync(ulong version, CancellationToken cancellationToken = default)
    {
        if (version == 0)
        {
            return TuningVersion.Initial;
        }

        var result = await transport.QueryAsync(
            $"SELECT {SelectColumns} FROM ({Winners}) WHERE version = {{version:UInt64}}",
            new QueryParameters().Add("version", version),
            cancellationToken).ConfigureAwait(false);
        return result.Rows.Count == 0 ? null : Read(result.Rows[0]);
    }

    public async Task<IReadOnlyList<TuningVersion>> GetHistoryAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync($"SELECT {SelectColumns} FROM ({Winners}) ORDER BY version DESC", null, cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(Read)];
    }

    public Task<TuningVersion> SaveAsync(TuningChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        TuningDocumentValidator.Validate(change.Document);
        return WriteAsync(change, revertedTo: 0, cancellationToken);
    }

    public async Task<TuningVersion> RevertAsync(ulong version, ulong basedOn, string actor, string reason, CancellationToken cancellationToken = default)
    {
        var target = await GetVersionAsync(version, cancellationToken).ConfigureAwait(false)
            ?? throw new TuningValidationException("version", $"there is no tuning version {version}");
        var change = new TuningChange(target.Document, basedOn, actor, reason, string.Create(CultureInfo.InvariantCulture, $"revert to version {version}"));
        return await WriteAsync(change, version, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TuningVersion> WriteAsync(TuningChange change, ulong revertedTo, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(change.Actor))
        {
            throw new TuningValidationException("actor", "every change needs an actor");
        }

        if (string.IsNullOrWhiteSpace(change.Reason))
        {
            throw new TuningValidationException("reason", "every change needs a reason");
        }

        var current = await GetCurrentVersionAsync(cancellationToken).ConfigureAwait(false);
        if (current != change.BasedOn)
        {
            throw new TuningConflictException(change.BasedOn, current);
        }

        var version = current + 1;
        var id = Guid.NewGuid();
        var writtenAt = time.GetUtcNow().UtcDateTime;
        writtenAt = writtenAt.AddTicks(-(writtenAt.Ticks % TimeSpan.TicksPerMillisecond));
        var json = TuningJson.Serialize(change.Document);
        await transport.InsertAsync(
            new ValueRows($"{database}.tuning_versions", Columns, [[version, id, writtenAt, change.Actor, change.Reason, change.Change, change.BasedOn, revertedTo, json]]),
            cancellationToken).ConfigureAwait(false);

        // Another writer may have read the same base and inserted the same version: the winner rule decides.
        var winner = await transport.QueryAsync(
            $"SELECT change_id FROM {database}.tuning_versions WHERE version = {{version:UInt64}} ORDER BY written_at, change_id LIMIT 1",
            new QueryParameters().Add("version", version),
            cancellationToken).ConfigureAwait(false);
        if (winner.Rows[0][0] is not Guid winnerId || winnerId != id)
        {
            throw new TuningConflictException(change.BasedOn, version);
        }

        return new TuningVersion(version, writtenAt, change.Actor, change.Reason, change.Change, change.BasedOn, revertedTo, change.Document);
    }

    private static TuningVersion Read(object?[] row)
    {
        var version = Convert.ToUInt64(row[0], CultureInfo.InvariantCulture);
        return new TuningVersion(
            version, (DateTime)row[1]!, (string)row[2]!, (string)row[3]!, (string)row[4]!,
            Convert.ToUInt64(row[5], CultureInfo.InvariantCulture), Convert.ToUInt64(row[6], CultureInfo.InvariantCulture), TuningJson.Deserialize((string)row[7]!, version));
    }
}
