using System.Globalization;
using LogSentinel.Store.RowBinary;
using LogSentinel.Store.Transport;

namespace LogSentinel.Store.Reports;

/// <summary>
/// Report figures over either transport. Times are bound as Unix milliseconds and read back in UTC so the
/// engine's own time zone never shifts a day; local days are formed by adding the offset before taking the date.
/// </summary>
internal sealed class ReportStore(IClickHouseTransport transport, string database) : IReportStore
{
    private const string AgencyFilter = "({agency:String} = '' OR agency = {agency:String})";

    /// <summary>
    /// Alerts as analysts left them: the newest detector version with the newest triage change (state, disposition,
    /// time of the change) laid over it, as the alert queue shows them.
    /// </summary>
    private string TriagedAlerts => $"""
        (SELECT a.agency AS agency, a.first_seen AS first_seen, a.raised_at AS raised_at,
                if(t.state != '', t.state, a.state) AS state,
                if(t.state != '', t.disposition, a.disposition) AS disposition,
                greatest(a.updated_at, t.updated_at) AS updated_at
         FROM {database}.alerts AS a FINAL
         LEFT JOIN (SELECT alert_id, state, disposition, updated_at FROM {database}.alert_triage FINAL) AS t ON t.alert_id = a.id)
        """;
    private const string Span = "ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC')";
    private const string MinuteSpan = "minute >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND minute < fromUnixTimestamp64Milli({to:Int64}, 'UTC')";
    private const string ClosedStates = "('closed', 'resolved', 'dismissed')";

    private static readonly (string, ColumnKind)[] ReportColumns =
    [
        ("date", ColumnKind.Date), ("agency", ColumnKind.String), ("lang", ColumnKind.String), ("generated_at", ColumnKind.DateTime64Ms),
        ("json", ColumnKind.String), ("html", ColumnKind.String),
    ];

    public async Task<ActivityFigures> GetActivityAsync(DateTime fromUtc, DateTime toUtc, string? agency, CancellationToken cancellationToken = default)
    {
        var sql = $$"""
            SELECT countIf(t = 'g'), countIf(t = 'a'), countIf(t = 'a' AND event = 'citizen_lookup'), countIf(t = 'a' AND event = 'login_failed'),
                   countIf(t = 'g' AND status >= 500), uniqExactIf(account, account != ''), uniqExactIf(client_ip, client_ip != toIPv6('::')),
                   uniqExactIf(agency, agency != '')
            FROM (
                SELECT 'g' AS t, '' AS event, status, toString(account) AS account, toString(agency) AS agency, client_ip
                FROM {{database}}.gateway_events WHERE {{Span}} AND {{AgencyFilter}}
                UNION ALL
                SELECT 'a' AS t, toString(event) AS event, toUInt16(0) AS status, toString(account) AS account, toString(agency) AS agency, client_ip
                FROM {{database}}.app_events WHERE {{Span}} AND {{AgencyFilter}}
            )
            """;
        var result = await transport.QueryAsync(sql, SpanParameters(fromUtc, toUtc, agency), cancellationToken).ConfigureAwait(false);
        var r = result.Rows[0];
        return new ActivityFigures(U(r[0]), U(r[1]), U(r[2]), U(r[3]), U(r[4]), U(r[5]), U(r[6]), U(r[7]));
    }

    public async Task<IReadOnlyList<DailyVolume>> GetDailyVolumesAsync(
        DateOnly first, DateOnly last, TimeSpan offset, string? agency, CancellationToken cancellationToken = default)
    {
        var (from, to) = LocalDays(first, last, offset);
        var result = await transport.QueryAsync(
            $$"""
            SELECT toDate(addSeconds(minute, {offset:Int32})) AS day, sum(requests), sum(lookups), sum(failed_logins)
            FROM {{database}}.rollup_agency_1m WHERE {{MinuteSpan}} AND {{AgencyFilter}}
            GROUP BY day ORDER BY day
            """,
            SpanParameters(from, to, agency).Add("offset", (int)offset.TotalSeconds),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new DailyVolume((DateOnly)r[0]!, U(r[1]), U(r[2]), U(r[3])))];
    }

    public async Task<IReadOnlyList<DailyAlertCount>> GetDailyAlertCountsAsync(
        DateOnly first, DateOnly last, TimeSpan offset, string? agency, CancellationToken cancellationToken = default)
    {
        var (from, to) = LocalDays(first, last, offset);
        var result = await transport.QueryAsync(
            $$"""
            SELECT toDate(addSeconds(first_seen, {offset:Int32})) AS day, count(), countIf(severity IN ('high', 'critical'))
            FROM {{database}}.alerts FINAL
            WHERE first_seen >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND first_seen < fromUnixTimestamp64Milli({to:Int64}, 'UTC') AND {{AgencyFilter}}
            GROUP BY day ORDER BY day
            """,
            SpanParameters(from, to, agency).Add("offset", (int)offset.TotalSeconds),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new DailyAlertCount((DateOnly)r[0]!, U(r[1]), U(r[2])))];
    }

    public async Task<IReadOnlyList<HourlyVolume>> GetHourlyVolumesAsync(
        DateTime fromUtc, DateTime toUtc, TimeSpan offset, string? agency, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $$"""
            SELECT toHour(addSeconds(minute, {offset:Int32})) AS hour, sum(requests), sum(lookups)
            FROM {{database}}.rollup_agency_1m WHERE {{MinuteSpan}} AND {{AgencyFilter}}
            GROUP BY hour ORDER BY hour
            """,
            SpanParameters(fromUtc, toUtc, agency).Add("offset", (int)offset.TotalSeconds),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new HourlyVolume(Convert.ToInt32(r[0], CultureInfo.InvariantCulture), U(r[1]), U(r[2])))];
    }

    public async Task<IReadOnlyList<EntityVolume>> GetBusiestAccountsAsync(
        DateTime fromUtc, DateTime toUtc, string? agency, int limit, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $$"""
            SELECT toString(account) AS name, toString(any(agency)), sum(lookups) AS l, sum(requests) AS r
            FROM {{database}}.rollup_account_1m WHERE {{MinuteSpan}} AND {{AgencyFilter}} AND account != ''
            GROUP BY account ORDER BY l DESC, r DESC, name LIMIT {limit:UInt32}
            """,
            SpanParameters(fromUtc, toUtc, agency).Add("limit", limit),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new EntityVolume((string)r[0]!, (string)r[1]!, U(r[2]), U(r[3])))];
    }

    public async Task<TriageFigures> GetTriageAsync(DateTime fromUtc, DateTime toUtc, string? agency, CancellationToken cancellationToken = default)
    {
        var parameters = SpanParameters(fromUtc, toUtc, agency);
        var open = await transport.QueryAsync(
            $$"""
            SELECT countIf(state NOT IN {{ClosedStates}}),
                   countIf(state NOT IN {{ClosedStates}} AND first_seen >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND first_seen < fromUnixTimestamp64Milli({to:Int64}, 'UTC'))
            FROM {{TriagedAlerts}} WHERE {{AgencyFilter}}
            """,
            parameters,
            cancellationToken).ConfigureAwait(false);
        var closed = await transport.QueryAsync(
            $$"""
            SELECT toString(disposition), toInt64(dateDiff('second', raised_at, updated_at))
            FROM {{TriagedAlerts}}
            WHERE state IN {{ClosedStates}} AND updated_at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND updated_at < fromUnixTimestamp64Milli({to:Int64}, 'UTC') AND {{AgencyFilter}}
            """,
            parameters,
            cancellationToken).ConfigureAwait(false);
        var byDisposition = new SortedDictionary<string, ulong>(StringComparer.Ordinal);
        var hours = new List<double>(closed.Rows.Count);
        foreach (var r in closed.Rows)
        {
            var disposition = (string)r[0]!;
            disposition = disposition.Length == 0 ? "unspecified" : disposition;
            byDisposition[disposition] = byDisposition.GetValueOrDefault(disposition) + 1;
            hours.Add(Math.Max(0, (long)r[1]!) / 3600.0);
        }

        hours.Sort();
        double? median = hours.Count == 0 ? null : hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2;
        double? max = hours.Count == 0 ? null : hours[^1];
        return new TriageFigures(U(open.Rows[0][0]), U(open.Rows[0][1]), byDisposition, median, max);
    }

    public async Task<IReadOnlyList<SourceActivity>> GetSourceActivityAsync(
        DateTime lookbackUtc, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        static string PerSource(string database, string table) => $$"""
            SELECT toString(source), '{{table}}',
                   countIf(ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')),
                   countIf(ts < fromUnixTimestamp64Milli({from:Int64}, 'UTC')),
                   max(ts),
                   quantileIf(0.5)(toFloat64(dateDiff('millisecond', ts, ingested_at)) / 1000, ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')),
                   quantileIf(0.95)(toFloat64(dateDiff('millisecond', ts, ingested_at)) / 1000, ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC')),
                   minIf(ingested_at, ts >= fromUnixTimestamp64Milli({from:Int64}, 'UTC'))
            FROM {{database}}.{{table}}
            WHERE ts >= fromUnixTimestamp64Milli({lookback:Int64}, 'UTC') AND ts < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
            GROUP BY source
            """;

        var result = await transport.QueryAsync(
            $"{PerSource(database, "gateway_events")}\nUNION ALL\n{PerSource(database, "app_events")}",
            new QueryParameters().Add("lookback", Ms(lookbackUtc)).Add("from", Ms(fromUtc)).Add("to", Ms(toUtc)),
            cancellationToken).ConfigureAwait(false);
        var sources = new List<SourceActivity>(result.Rows.Count);
        foreach (var r in result.Rows)
        {
            var inSpan = U(r[2]);
            sources.Add(new SourceActivity(
                (string)r[0]!, (string)r[1]!, inSpan, U(r[3]), (DateTime)r[4]!,
                inSpan == 0 ? null : Finite((double)r[5]!), inSpan == 0 ? null : Finite((double)r[6]!), inSpan == 0 ? null : (DateTime)r[7]!));
        }

        return [.. sources.OrderBy(s => s.Source, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<IngestGap>> GetIngestGapsAsync(DateTime fromUtc, DateTime toUtc, TimeSpan minGap, CancellationToken cancellationToken = default)
    {
        // The span's bounds join each active source's minutes, so a late start or an early stop counts as a gap too.
        var result = await transport.QueryAsync(
            $$"""
            WITH active AS (
                SELECT DISTINCT source, minute FROM (
                    SELECT toString(source) AS source, toDateTime(toStartOfMinute(ts), 'UTC') AS minute FROM {{database}}.gateway_events WHERE {{Span}}
                    UNION ALL
                    SELECT toString(source) AS source, toDateTime(toStartOfMinute(ts), 'UTC') AS minute FROM {{database}}.app_events WHERE {{Span}}
                )
            )
            SELECT source, prev, minute FROM (
                SELECT source, minute, lagInFrame(minute) OVER (PARTITION BY source ORDER BY minute ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS prev
                FROM (
                    SELECT source, minute FROM active
                    UNION ALL SELECT DISTINCT source, toDateTime(intDiv({from:Int64}, 1000), 'UTC') AS minute FROM active
                    UNION ALL SELECT DISTINCT source, toDateTime(intDiv({to:Int64}, 1000), 'UTC') AS minute FROM active
                )
            )
            WHERE toUnixTimestamp(prev) > 0 AND dateDiff('second', prev, minute) >= {gap:Int64}
            ORDER BY source, prev
            """,
            SpanParameters(fromUtc, toUtc, null).Add("gap", (long)minGap.TotalSeconds),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new IngestGap((string)r[0]!, (DateTime)r[1]!, (DateTime)r[2]!))];
    }

    public async Task<IReadOnlyDictionary<string, ulong>> GetDeadLettersByReasonAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $$"""
            SELECT toString(reason), count() FROM {{database}}.dead_letters
            WHERE received_at >= fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND received_at < fromUnixTimestamp64Milli({to:Int64}, 'UTC')
            GROUP BY reason ORDER BY reason
            """,
            SpanParameters(fromUtc, toUtc, null),
            cancellationToken).ConfigureAwait(false);
        return result.Rows.ToDictionary(r => (string)r[0]!, r => U(r[1]), StringComparer.Ordinal);
    }

    public async Task SaveAsync(StoredReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        object?[] row = [report.Date, report.Agency, report.Language, report.GeneratedAt, report.Json, report.Html];
        await transport.InsertAsync(new ValueRows($"{database}.reports", ReportColumns, [row]), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredReportInfo>> ListAsync(
        DateOnly? first = null, DateOnly? last = null, string? agency = null, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $$"""
            SELECT date, toString(agency), toString(lang), max(generated_at), toInt64(argMax(length(html), generated_at))
            FROM {{database}}.reports
            WHERE date >= {first:Date} AND date <= {last:Date} AND ({agency:String} = '' OR agency = {agency:String})
            GROUP BY date, agency, lang ORDER BY date DESC, agency, lang
            """,
            new QueryParameters()
                .Add("first", first ?? new DateOnly(1970, 1, 1))
                .Add("last", last ?? new DateOnly(2149, 6, 1))
                .Add("agency", agency ?? string.Empty),
            cancellationToken).ConfigureAwait(false);
        return [.. result.Rows.Select(r => new StoredReportInfo((DateOnly)r[0]!, (string)r[1]!, (string)r[2]!, (DateTime)r[3]!, (int)(long)r[4]!))];
    }

    public async Task<ReportPage> SearchAsync(ReportSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var direction = search.Descending ? "DESC" : "ASC";
        var order = search.SortByGeneratedAt
            ? $"generated {direction}, date {direction}, agency, lang"
            : $"date {direction}, agency, lang";
        var parameters = new QueryParameters()
            .Add("first", search.First ?? new DateOnly(1970, 1, 1))
            .Add("last", search.Last ?? new DateOnly(2149, 6, 1))
            .Add("agency", search.Agency?.Trim() ?? string.Empty)
            .Add("lang", search.Language?.Trim() ?? string.Empty)
            .Add("offset", Math.Max(0, search.Offset))
            .Add("limit", Math.Clamp(search.Limit, 1, 10_000));

        // One row per day, agency and language (the newest generation); the window count gives the total before LIMIT.
        var result = await transport.QueryAsync(
            $$"""
            SELECT date, toString(agency), toString(lang), max(generated_at) AS generated, toInt64(argMax(length(html), generated_at)), count() OVER () AS total
            FROM {{database}}.reports
            WHERE date >= {first:Date} AND date <= {last:Date} AND {{AgencyFilter}} AND ({lang:String} = '' OR lang = {lang:String})
            GROUP BY date, agency, lang
            ORDER BY {{order}}
            LIMIT {limit:UInt32} OFFSET {offset:UInt32}
            """,
            parameters,
            cancellationToken).ConfigureAwait(false);
        var items = result.Rows.Select(r => new StoredReportInfo((DateOnly)r[0]!, (string)r[1]!, (string)r[2]!, (DateTime)r[3]!, (int)(long)r[4]!)).ToList();
        long total = result.Rows.Count > 0 ? Convert.ToInt64(result.Rows[0][5], CultureInfo.InvariantCulture) : 0;
        if (items.Count == 0 && search.Offset > 0)
        {
            // Past the last page the window count has no row to ride on: count the groups alone.
            var count = await transport.QueryAsync(
                $$"""
                SELECT count() FROM (SELECT 1 FROM {{database}}.reports
                WHERE date >= {first:Date} AND date <= {last:Date} AND {{AgencyFilter}} AND ({lang:String} = '' OR lang = {lang:String})
                GROUP BY date, agency, lang)
                """,
                parameters,
                cancellationToken).ConfigureAwait(false);
            total = Convert.ToInt64(count.Rows[0][0], CultureInfo.InvariantCulture);
        }

        return new ReportPage(items, total);
    }

    public async Task<StoredReport?> GetAsync(DateOnly date, string? agency, string language, CancellationToken cancellationToken = default)
    {
        var result = await transport.QueryAsync(
            $$"""
            SELECT max(generated_at), argMax(json, generated_at), argMax(html, generated_at)
            FROM {{database}}.reports
            WHERE date = {date:Date} AND agency = {agency:String} AND lang = {lang:String}
            GROUP BY date, agency, lang
            """,
            new QueryParameters().Add("date", date).Add("agency", agency ?? string.Empty).Add("lang", language),
            cancellationToken).ConfigureAwait(false);
        if (result.Rows.Count == 0)
        {
            return null;
        }

        var r = result.Rows[0];
        return new StoredReport(date, agency ?? string.Empty, language, (DateTime)r[0]!, (string)r[1]!, (string)r[2]!);
    }

    private static QueryParameters SpanParameters(DateTime fromUtc, DateTime toUtc, string? agency) =>
        new QueryParameters().Add("from", Ms(fromUtc)).Add("to", Ms(toUtc)).Add("agency", agency ?? string.Empty);

    private static (DateTime From, DateTime To) LocalDays(DateOnly first, DateOnly last, TimeSpan offset) =>
        (first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - offset, last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - offset);

    private static long Ms(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    private static ulong U(object? value) => Convert.ToUInt64(value, CultureInfo.InvariantCulture);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
