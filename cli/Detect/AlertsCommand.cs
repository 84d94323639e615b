using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LogSentinel.Cli.Hosting;
using LogSentinel.Store.Alerts;
using Spectre.Console;

namespace LogSentinel.Cli.Detect;

/// <summary>
/// <c>logsentinel alerts [--type T] [--since T] [--until T] [--json]</c>: the newest version of each alert, as a
/// table or as a JSON array (snake_case fields, times RFC 3339 in local time with their offset).
/// </summary>
internal static class AlertsCommand
{
    private static readonly TimeSpan LocalOffset = TimeSpan.FromHours(7);

    public static Command Create()
    {
        var type = new Option<string?>("--type") { Description = "Only alerts of this type, e.g. brute_force." };
        var since = new Option<string?>("--since") { Description = "Only alerts last seen at or after this time (RFC 3339, or a local date yyyy-MM-dd)." };
        var until = new Option<string?>("--until") { Description = "Only alerts first seen at or before this time (RFC 3339, or a local date yyyy-MM-dd)." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var budget = new Option<int?>("--budget")
        {
            Description = "Alert budget mode: at most N alerts per agency and local day, highest score first (default: the Alerts:DailyBudgetPerAgency setting, 0 = off).",
        };
        var command = new Command("alerts", "List alerts raised by detection.");
        command.Options.Add(type);
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(json);
        command.Options.Add(budget);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var query = new AlertQuery(parse.GetValue(type), ParseTime(parse.GetValue(since), "--since"), ParseTime(parse.GetValue(until), "--until"));
            var (alerts, heldBack) = LogSentinel.Detect.Alerts.AlertBudget.Apply(
                await ListAsync(parse, query, cancellationToken).ConfigureAwait(false), parse.GetValue(budget) ?? ReadBudget(parse), LocalOffset);
            if (parse.GetValue(json))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(ToJson(alerts)).ConfigureAwait(false);
                return 0;
            }

            var table = new Table().AddColumn("First seen").AddColumn("Type").AddColumn("Entity").AddColumn("Score").AddColumn("Severity").AddColumn("Count").AddColumn("Why");
            foreach (var a in alerts)
            {
                using var explanation = JsonDocument.Parse(a.ExplanationJson);
                table.AddRow(
                    Rfc3339(a.FirstSeen),
                    Markup.Escape(a.Type),
                    Markup.Escape($"{a.EntityKind} {a.Entity}"),
                    a.Score.ToString(CultureInfo.InvariantCulture),
                    a.Severity,
                    a.Occurrences.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(explanation.RootElement.GetProperty("summary_en").GetString() ?? string.Empty));
            }

            ConsoleOutput.For(parse).Write(table);
            if (heldBack > 0)
            {
                ConsoleOutput.For(parse).MarkupLine(Markup.Escape($"{heldBack} lower-scored alert(s) held back by the daily budget per agency."));
            }

            return 0;
        });
        return command;
    }

    /// <summary>The <c>Alerts:DailyBudgetPerAgency</c> setting (default 0: off).</summary>
    private static int ReadBudget(ParseResult parse)
    {
        var text = CliConfiguration.Build(parse)["Alerts:DailyBudgetPerAgency"];
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigurationException($"Invalid setting 'Alerts:DailyBudgetPerAgency': '{text}' is not a whole number of alerts (0 turns the budget off).");
    }

    /// <summary>Through a running <c>serve</c> that holds the data directory, else from the store directly.</summary>
    private static async Task<IReadOnlyList<AlertRecord>> ListAsync(ParseResult parse, AlertQuery query, CancellationToken cancellationToken)
    {
        using (var server = RunningServer.Find(parse))
        {
            if (server is not null)
            {
                return await server.ListAlertsAsync(query, cancellationToken).ConfigureAwait(false);
            }
        }

        await using var store = StoreOpener.Open(parse);
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return await store.Alerts.ListAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The alerts as the stable JSON contract.</summary>
    internal static string ToJson(IReadOnlyList<AlertRecord> alerts)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var a in alerts)
            {
                writer.WriteStartObject();
                writer.WriteString("id", a.Id.ToString("D"));
                writer.WriteString("type", a.Type);
                writer.WriteString("entity_kind", a.EntityKind);
                writer.WriteString("entity", a.Entity);
                writer.WriteString("agency", a.Agency);
                writer.WriteString("start", Rfc3339(a.WindowStart));
                writer.WriteString("end", Rfc3339(a.WindowEnd));
                writer.WriteNumber("score", a.Score);
                writer.WriteString("severity", a.Severity);
                writer.WriteString("state", a.State);
                writer.WritePropertyName("explanation");
                writer.WriteRawValue(a.ExplanationJson);
                writer.WritePropertyName("evidence");
                writer.WriteRawValue(a.EvidenceJson);
                writer.WritePropertyName("category");
                writer.WriteStartObject();
                writer.WriteString("vi", a.CategoryVi);
                writer.WriteString("en", a.CategoryEn);
                writer.WriteEndObject();
                writer.WriteString("first_seen", Rfc3339(a.FirstSeen));
                writer.WriteString("last_seen", Rfc3339(a.LastSeen));
                writer.WriteNumber("occurrences", a.Occurrences);
                writer.WriteString("detected_at", Rfc3339(a.DetectedAt));
                writer.WriteString("raised_at", Rfc3339(a.RaisedAt));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Rfc3339(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(LocalOffset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && text.Contains('T', StringComparison.Ordinal))
        {
            return time;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), LocalOffset);
        }

        throw new ConfigurationException($"{option} '{text}' is not an RFC 3339 time or a yyyy-MM-dd date.");
    }
}
