using System.Globalization;
using System.Text;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Models;

/// <summary>Models in <c>models</c>, training windows in <c>model_windows</c>, shadow scores in <c>model_scores</c>.</summary>
internal sealed class ModelStore(IClickHouseTransport transport, string database) : IModelStore
{
    private static readonly (string, ColumnKind)[] ModelColumns =
    [
        ("model_id", ColumnKind.UInt32), ("kind", ColumnKind.String), ("status", ColumnKind.String), ("created_at", ColumnKind.DateTime64Ms),
        ("trained_from", ColumnKind.DateTime64Ms), ("trained_to", ColumnKind.DateTime64Ms), ("windows", ColumnKind.UInt64),
        ("parameters", ColumnKind.String), ("summary", ColumnKind.String), ("version", ColumnKind.UInt64),
    ];

    private static readonly (string, ColumnKind)[] WindowColumns =
        [("entity_kind", ColumnKind.String), ("entity", ColumnKind.String), ("window_start", ColumnKind.DateTime64Ms), ("features", ColumnKind.String)];

    private static readonly (string, ColumnKind)[] ScoreColumns =
    [
        ("model_id", ColumnKind.UInt32), ("entity_kind", ColumnKind.String), ("entity", ColumnKind.String), ("window_start", ColumnKind.DateTime64Ms),
        ("score_milli", ColumnKind.UInt64), ("over_threshold", ColumnKind.UInt8),
    ];

    private static long s_lastVersion;

    public async Task SaveAsync(ModelRecord model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var row = new object?[]
        {
            model.ModelId, model.Kind, model.Status, model.CreatedAt, model.TrainedFrom, model.TrainedTo, model.Windows, model.ParametersJson,
            model.SummaryJson, Versions.Next(ref s_lastVersion),
        };
        await transport.InsertAsync(new ValueRows($"{database}.models", ModelColumns, [row]), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ModelRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT model_id, kind, status, created_at, trained_from, trained_to, windows, parameters, summary FROM {database}.models FINAL ORDER BY model_id",
            null,
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new ModelRecord(
            Convert.ToUInt32(r[0], CultureInfo.InvariantCulture), (string)r[1]!, (string)r[2]!, (DateTime)r[3]!, (DateTime)r[4]!, (DateTime)r[5]!,
            Convert.ToUInt64(r[6], CultureInfo.InvariantCulture), (string)r[7]!, (string)r[8]!))];
    }

    public async Task AddWindowsAsync(IReadOnlyCollection<ModelWindowRecord> windows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0)
        {
            return;
        }

        var rows = windows.Select(w => new object?[] { w.EntityKind, w.Entity, w.WindowStart, Format(w.Features) }).ToList();
        await transport.InsertAsync(new ValueRows($"{database}.model_windows", WindowColumns, rows), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ModelWindowRecord>> ReadWindowsAsync(DateTime? from, DateTime? to, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT entity_kind, entity, window_start, features FROM {database}.model_windows FINAL " +
            "WHERE window_start >= {from:DateTime64(3)} AND window_start < {to:DateTime64(3)} ORDER BY window_start, entity_kind, entity",
            new QueryParameters().Add("from", from ?? DateTime.UnixEpoch).Add("to", to ?? new DateTime(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new ModelWindowRecord((string)r[0]!, (string)r[1]!, (DateTime)r[2]!, Parse((string)r[3]!)))];
    }

    public async Task<DateTime?> ReadNewestWindowStartAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT count(), max(window_start) FROM {database}.model_windows", null, cancellationToken).ConfigureAwait(false);
        return Convert.ToUInt64(result.Rows[0][0], CultureInfo.InvariantCulture) == 0 ? null : (DateTime)result.Rows[0][1]!;
    }

    public async Task<ulong> CountWindowsAsync(DateTime from, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT count() FROM {database}.model_windows FINAL WHERE window_start >= {{from:DateTime64(3)}}",
            new QueryParameters().Add("from", from),
            cancellationToken).ConfigureAwait(false);
        return Convert.ToUInt64(result.Rows[0][0], CultureInfo.InvariantCulture);
    }

    public async Task AddScoresAsync(IReadOnlyCollection<ModelScoreRecord> scores, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return;
        }

        var rows = scores.Select(s => new object?[]
        {
            s.ModelId, s.EntityKind, s.Entity, s.WindowStart, (ulong)Math.Round(Math.Clamp(s.Score, 0, 1e12) * 1000), s.OverThreshold ? (byte)1 : (byte)0,
        }).ToList();
        await transport.InsertAsync(new ValueRows($"{database}.model_scores", ScoreColumns, rows), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ModelScoreSummary>> SummarizeScoresAsync(CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $"SELECT model_id, count(), countIf(over_threshold = 1), uniqExactIf((entity_kind, entity), over_threshold = 1) FROM {database}.model_scores FINAL GROUP BY model_id ORDER BY model_id",
            null,
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new ModelScoreSummary(
            Convert.ToUInt32(r[0], CultureInfo.InvariantCulture), Convert.ToUInt64(r[1], CultureInfo.InvariantCulture),
            Convert.ToUInt64(r[2], CultureInfo.InvariantCulture), Convert.ToUInt64(r[3], CultureInfo.InvariantCulture)))];
    }

    private static string Format(float[] features)
    {
        var builder = new StringBuilder(features.Length * 8);
        for (var i = 0; i < features.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(features[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static float[] Parse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = new float[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            values[i] = float.Parse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return values;
    }
}
