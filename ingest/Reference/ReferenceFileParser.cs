using System.Globalization;
using System.Net;
using LogSentinel.Store.Reference;

namespace LogSentinel.Ingest.Reference;

/// <summary>
/// Parses and validates accounts.csv, networks.csv and delegations.csv (formats in spec/log-formats.md).
/// Every problem is collected with its file, line and field, so one run shows them all.
/// </summary>
public static class ReferenceFileParser
{
    /// <summary>Dates without a time are local to Vietnam (UTC+07:00), as the provinces write them.</summary>
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    private static readonly string[] AccountHeader = ["account", "agency", "role", "status", "status_since"];
    private static readonly string[] NetworkHeader = ["agency", "cidr", "label"];
    private static readonly string[] DelegationHeader = ["account", "delegate", "valid_from", "valid_to", "reason"];

    public static IReadOnlyList<AccountRecord> ParseAccounts(TextReader reader, string file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return Parse(reader, file, AccountHeader, (row, errors) =>
        {
            var account = row.Required("account", errors);
            var agency = row.Required("agency", errors);
            var role = row.Required("role", errors);
            var statusText = row.Required("status", errors);
            AccountStatus? status = null;
            if (statusText is not null)
            {
                if (Enum.TryParse<AccountStatus>(statusText, ignoreCase: true, out var parsed) && !int.TryParse(statusText, out _))
                {
                    status = parsed;
                }
                else
                {
                    errors.Add(row.Error("status", $"'{statusText}' is not one of active, transferred, retired, disabled"));
                }
            }

            var since = row.Date("status_since", errors);
            if (account is not null && !seen.Add(account))
            {
                errors.Add(row.Error("account", $"'{account}' appears more than once"));
            }

            return account is null || agency is null || role is null || status is null || since is null
                ? null
                : new AccountRecord(account, agency, role, status.Value, since.Value);
        });
    }

    public static IReadOnlyList<NetworkRecord> ParseNetworks(TextReader reader, string file) =>
        Parse(reader, file, NetworkHeader, (row, errors) =>
        {
            var agency = row.Required("agency", errors);
            var cidr = row.Required("cidr", errors);
            var label = row.Optional("label");
            if (cidr is null)
            {
                return null;
            }

            if (!TryParseRange(cidr, out var start, out var end, out var problem))
            {
                errors.Add(row.Error("cidr", problem));
                return null;
            }

            return agency is null ? null : new NetworkRecord(agency, cidr, start, end, label);
        });

    public static IReadOnlyList<DelegationRecord> ParseDelegations(TextReader reader, string file) =>
        Parse(reader, file, DelegationHeader, (row, errors) =>
        {
            var account = row.Required("account", errors);
            var delegate_ = row.Required("delegate", errors);
            var from = row.Instant("valid_from", endOfDay: false, errors);
            var to = row.Instant("valid_to", endOfDay: true, errors);
            var reason = row.Optional("reason");
            if (from is not null && to is not null && to < from)
            {
                errors.Add(row.Error("valid_to", $"{to:O} is before valid_from {from:O}"));
                return null;
            }

            return account is null || delegate_ is null || from is null || to is null
                ? null
                : new DelegationRecord(account, delegate_, from.Value, to.Value, reason);
        });

    /// <summary>Parses <c>a.b.c.d/n</c>, an IPv6 prefix, or a lone address, into its first and last address (IPv4 mapped to IPv6).</summary>
    public static bool TryParseRange(string cidr, out IPAddress start, out IPAddress end, out string problem)
    {
        if (!Store.Events.IpRange.TryParse(cidr, out var range, out problem))
        {
            start = end = IPAddress.IPv6None;
            return false;
        }

        start = Store.Events.IpAddresses.ToIPAddress(range.Start);
        end = Store.Events.IpAddresses.ToIPAddress(range.End);
        return true;
    }

    private static List<T> Parse<T>(TextReader reader, string file, string[] header, Func<CsvRow, List<ReferenceDataError>, T?> map)
        where T : class
    {
        var errors = new List<ReferenceDataError>();
        var records = new List<T>();
        var csv = new CsvRecordReader(reader);
        var name = Path.GetFileName(file);
        try
        {
            var first = csv.Next();
            if (first is null)
            {
                throw new ReferenceDataException([new ReferenceDataError(name, 1, null, $"the file is empty; expected the header {string.Join(',', header)}")]);
            }

            var columns = ColumnIndexes(first.Value.Fields, header, name, errors);
            if (errors.Count > 0)
            {
                throw new ReferenceDataException(errors);
            }

            for (var next = csv.Next(); next is not null; next = csv.Next())
            {
                var (line, fields) = next.Value;
                if (fields.Count != first.Value.Fields.Count)
                {
                    errors.Add(new ReferenceDataError(name, line, null, $"has {fields.Count} fields; the header has {first.Value.Fields.Count}"));
                    continue;
                }

                var record = map(new CsvRow(name, line, fields, columns), errors);
                if (record is not null)
                {
                    records.Add(record);
                }
            }
        }
        catch (FormatException ex)
        {
            errors.Add(new ReferenceDataError(name, 0, null, ex.Message));
        }

        return errors.Count > 0 ? throw new ReferenceDataException(errors) : records;
    }

    private static Dictionary<string, int> ColumnIndexes(List<string> headerFields, string[] expected, string file, List<ReferenceDataError> errors)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headerFields.Count; i++)
        {
            indexes[headerFields[i].Trim().ToLowerInvariant()] = i;
        }

        foreach (var column in expected)
        {
            if (!indexes.ContainsKey(column))
            {
                errors.Add(new ReferenceDataError(file, 1, column, $"the header lacks the column '{column}' (expected {string.Join(',', expected)})"));
            }
        }

        return indexes;
    }

    private sealed class CsvRow(string file, int line, List<string> fields, Dictionary<string, int> columns)
    {
        public string Optional(string column) => fields[columns[column]].Trim();

        public string? Required(string column, List<ReferenceDataError> errors)
        {
            var value = Optional(column);
            if (value.Length == 0)
            {
                errors.Add(Error(column, "is empty"));
                return null;
            }

            return value;
        }

        public DateOnly? Date(string column, List<ReferenceDataError> errors)
        {
            var value = Required(column, errors);
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.Add(Error(column, $"'{value}' is not an ISO date (yyyy-MM-dd)"));
            return null;
        }

        /// <summary>An RFC 3339 time with its offset, or a date meaning the start (or end) of that day in UTC+07:00.</summary>
        public DateTimeOffset? Instant(string column, bool endOfDay, List<ReferenceDataError> errors)
        {
            var value = Required(column, errors);
            if (value is null)
            {
                return null;
            }

            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), LocalOffset);
                return endOfDay ? start.AddDays(1).AddMilliseconds(-1) : start;
            }

            var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':');
            if (!hasOffset)
            {
                errors.Add(Error(column, $"'{value}' has no UTC offset; write it like 2024-01-15T08:00:00+07:00 or as a date"));
                return null;
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                return instant;
            }

            errors.Add(Error(column, $"'{value}' is not an RFC 3339 time or an ISO date"));
            return null;
        }

        public ReferenceDataError Error(string column, string message) => new(file, line, column, message);
    }
}
