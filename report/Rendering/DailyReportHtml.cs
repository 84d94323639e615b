using LogSentinel.Report.Daily;
using LogSentinel.Report.Text;

namespace LogSentinel.Report.Rendering;

/// <summary>
/// The daily report as one self-contained HTML page for screen and A4 print: the key message first, then a
/// few numbers with their trend, the charts, who is risky and why, and the state of triage and of the data.
/// </summary>
internal static class DailyReportHtml
{
    public static string Render(DailyReport report)
    {
        var text = ReportText.For(report.Language);
        var offset = ReportText.Offset(report.DayStart.Offset);
        var html = new Html();
        html.Raw("<!DOCTYPE html><html lang=\"").Text(report.Language).Raw("\"><head><meta charset=\"utf-8\"><title>")
            .Text($"{text["title"]} {text.Date(report.Date)}").Raw("</title><style>").Raw(ReportStyles.Css).Raw("</style></head><body>");

        Header(html, report, text, offset);
        HeadlineBox(html, report.Headline, text);
        if (report.HasData)
        {
            Glance(html, report, text);
            Risk(html, report, text);
            TrendSection(html, report, text);
        }
        else
        {
            html.Open("p").Text(text.Format("no_data_body", text.LongDate(report.Date))).Close("p");
        }

        Triage(html, report, text);
        DataQualitySection(html, report, text);
        TuningSection(html, report, text);
        html.Open("footer").Text(text.Format("footer", offset)).Close("footer");
        html.Raw("</body></html>");
        return html.ToString();
    }

    private static void Header(Html html, DailyReport report, ReportText text, string offset)
    {
        html.Open("header", "top").Open("div").Element("h1", text["title"]).Element("div", text["subtitle"], "sub").Close("div")
            .Open("div", "meta")
            .Element("div", text.LongDate(report.Date), "day")
            .Element("div", report.Agency is null ? text["scope_province"] : text.Format("scope_agency", report.Agency))
            .Element("div", text.Format("day_window", text.Date(report.Date), offset))
            .Element("div", text.Format("generated", text.Time(report.GeneratedAt)))
            .Close("div").Close("header");
    }

    private static void HeadlineBox(Html html, Headline headline, ReportText text)
    {
        html.Open("section", "headline " + headline.Level).Element("div", text["key_message"], "label").Element("div", headline.Message, "message");
        if (headline.Points.Count > 0)
        {
            html.Open("ul");
            foreach (var point in headline.Points)
            {
                html.Element("li", point);
            }

            html.Close("ul");
        }

        html.Close("section");
    }

    private static void Glance(Html html, DailyReport report, ReportText text)
    {
        var a = report.Glance.Activity;
        html.Open("section").Element("h2", text["glance"]).Open("div", "tiles");
        Tile(html, text.Number(a.Lookups), text["lookups"], report.Trends.Lookups, report.Trends.HistoryDays, text);
        Tile(html, text.Number(a.Events), text["events"], null, 0, text);
        Tile(html, text.Number(a.ActiveAccounts), text["accounts_active"], null, 0, text);
        html.Open("div", "tile").Element("div", text.Number(report.Glance.AlertsActive), "value").Element("div", text["alerts_active"], "name");
        html.Open("div", "delta flat").Text(text.Format("alerts_new", report.Glance.AlertsNew)).Close("div").Close("div");
        html.Close("div");

        html.Open("div", "sevline minor");
        foreach (var severity in ReportCharts.SeverityOrder)
        {
            html.Open("span").Element("span", text.Severity(severity), "sev " + severity).Text(" " + text.Number(report.Glance.AlertsBySeverity.GetValueOrDefault(severity))).Close("span");
        }

        html.Close("div");
        html.Open("p", "minor").Text(
            $"{text["requests"]}: {text.Number(a.GatewayEvents)} · {text["addresses_active"]}: {text.Number(a.ActiveAddresses)} · " +
            $"{text["agencies_active"]}: {text.Number(a.ActiveAgencies)} · {text["failed_logins"]}: {text.Number(a.FailedLogins)} · {text["server_errors"]}: {text.Number(a.ServerErrors)}").Close("p");
        html.Close("section");
    }

    private static void Tile(Html html, string value, string name, TrendFigure? trend, int historyDays, ReportText text)
    {
        html.Open("div", "tile").Element("div", value, "value").Element("div", name, "name");
        if (trend is not null && historyDays > 0)
        {
            var (change, label) = trend.ChangeSameWeekday is not null ? (trend.ChangeSameWeekday, text["vs_weekday"]) : (trend.Change7, text["vs7"]);
            var css = change is null || Math.Abs(change.Value) < 0.05 ? "flat" : change > 0 ? "up" : "down";
            html.Element("div", $"{text.SignedPercent(change)} {label}", "delta " + css);
        }

        html.Close("div");
    }

    private static void Risk(Html html, DailyReport report, ReportText text)
    {
        html.Element("h2", text["where_risk"]);
        if (report.AlertsByType.Count > 0)
        {
            var rows = report.AlertsByType.Select(r => (r.Label, r.BySeverity)).ToList();
            html.Open("section").Element("h3", text["severity_chart"]).Image(ReportCharts.AlertsByTypeAndSeverity(rows, text), text["severity_chart"], "chart").Close("section");
        }

        RiskTable(html, text["top_accounts"], report.TopAccounts, text, showAgency: true);
        RiskTable(html, text["top_addresses"], report.TopAddresses, text, showAgency: false);
        RiskTable(html, text["top_agencies"], report.TopAgencies, text, showAgency: false);

        html.Open("div", "two keep");
        html.Open("div").Element("h3", text["alerts_by_agency"]);
        if (report.AlertsByAgency.Count == 0)
        {
            html.Element("p", text["none_of_kind"], "empty");
        }
        else
        {
            html.Table(
                [text["col_agency"], text["col_alerts"], text["col_serious"]],
                report.AlertsByAgency.Take(10).Select(r => (IReadOnlyList<string>)[r.Label, text.Number(r.Alerts), text.Number(r.Serious)]),
                numericColumns: new HashSet<int> { 1, 2 });
        }

        html.Close("div").Open("div").Element("h3", text["busiest"]);
        if (report.BusiestAccounts.Count == 0)
        {
            html.Element("p", text["none_of_kind"], "empty");
        }
        else
        {
            html.Table(
                [text["col_name"], text["col_agency"], text["col_lookups"]],
                report.BusiestAccounts.Select(b => (IReadOnlyList<string>)[b.Name, b.Agency, text.Number(b.Lookups)]),
                numericColumns: new HashSet<int> { 2 });
        }

        html.Close("div").Close("div");
    }

    private static void RiskTable(Html html, string title, IReadOnlyList<RiskyEntity> entities, ReportText text, bool showAgency)
    {
        html.Open("section").Element("h3", title);
        if (entities.Count == 0)
        {
            html.Element("p", text["none_of_kind"], "empty").Close("section");
            return;
        }

        html.Open("table", "risk").Open("thead").Open("tr").Element("th", text["col_name"], "who").Element("th", text["col_score"], "num score")
            .Element("th", text["col_reason"]).Close("tr").Close("thead").Open("tbody");
        foreach (var e in entities)
        {
            html.Open("tr").Open("td", "who").Element("div", e.Name, "name");
            if (showAgency && e.Agency.Length > 0)
            {
                html.Element("div", e.Agency, "minor");
            }

            html.Close("td")
                .Open("td", "num score").Text(e.MaxScore.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ").Element("span", text.Severity(e.Severity), "sev " + e.Severity).Close("td")
                .Element("td", e.Reason).Close("tr");
        }

        html.Close("tbody").Close("table").Close("section");
    }

    private static void TrendSection(Html html, DailyReport report, ReportText text)
    {
        var t = report.Trends;
        html.Open("section").Element("h2", text["trends"]);
        html.Element("h3", text["trend_chart"]).Image(ReportCharts.Trend(t.Days, text), text["trend_chart"], "chart");
        html.Open("ul", "minor");
        foreach (var (name, figure) in new[] { (text["lookups"], t.Lookups), (text["requests"], t.Requests), (text["new_alerts"], t.Alerts) })
        {
            html.Element("li", text.Format(
                "trend_row", name, text.Number(figure.Day), text.Number(figure.Mean7, 1), text.SignedPercent(figure.Change7), text.Number(figure.Mean30, 1), text.SignedPercent(figure.Change30),
                figure.SameWeekdayMean is null ? "–" : text.Number(figure.SameWeekdayMean.Value, 1), text.SignedPercent(figure.ChangeSameWeekday)));
        }

        html.Close("ul").Close("section");
        html.Open("section").Element("h3", text["hourly_chart"]).Image(ReportCharts.Hourly(report.HourlyLookups, text), text["hourly_chart"], "chart").Close("section");
    }

    private static void Triage(Html html, DailyReport report, ReportText text)
    {
        var t = report.Triage;
        html.Open("section").Element("h2", text["triage"]);
        html.Table(
            null,
            [
                [text["open_total"], text.Number(t.OpenTotal)],
                [text["open_of_day"], text.Number(t.OpenOfDay)],
                [text["closed_day"], text.Number(t.ClosedInSpanByDisposition.Values.Aggregate(0UL, (x, y) => x + y))],
                .. t.ClosedInSpanByDisposition.Select(d => (IReadOnlyList<string>)["  · " + (d.Key == "unspecified" ? text["disposition_unspecified"] : d.Key), text.Number(d.Value)]),
            ],
            numericColumns: new HashSet<int> { 1 });
        html.Element("p", t.MedianHoursToClose is null ? text["none_closed"] : text.Format("time_to_close", text.Number(t.MedianHoursToClose.Value, 1), text.Number(t.MaxHoursToClose!.Value, 1)), "minor");
        html.Close("section");
    }

    private static void DataQualitySection(Html html, DailyReport report, ReportText text)
    {
        var q = report.DataQuality;
        html.Open("section").Element("h2", text["data_quality"]);
        if (q.Sources.Count == 0)
        {
            html.Element("p", text["no_sources"], "empty");
        }
        else
        {
            html.Open("table").Open("thead").Open("tr").Element("th", text["col_source"]).Element("th", text["col_status"])
                .Element("th", text["col_events_day"], "num").Element("th", text["col_last_event"]).Element("th", text["col_delay"], "num").Close("tr").Close("thead").Open("tbody");
            foreach (var s in q.Sources)
            {
                var a = s.Activity;
                // Delay of history loaded afterwards measures the loading, not the feed.
                var delay = a.MedianDelaySeconds is null || s.Status == "backfilled" ? "–" : $"{Duration(a.MedianDelaySeconds.Value, text)} / {Duration(a.P95DelaySeconds ?? 0, text)}";
                var last = a.LastEvent is null ? "–" : text.Time(new DateTimeOffset(DateTime.SpecifyKind(a.LastEvent.Value, DateTimeKind.Utc)).ToOffset(report.DayStart.Offset));
                html.Open("tr").Element("td", $"{a.Source} ({a.Table})").Element("td", text["status_" + s.Status], "status-" + s.Status)
                    .Element("td", text.Number(a.EventsInSpan), "num").Element("td", last).Element("td", delay, "num").Close("tr");
            }

            html.Close("tbody").Close("table");
        }

        html.Open("div", "two keep").Open("div").Element("h3", text.Format("dead_letters", text.Number(q.DeadLetters)));
        if (q.DeadLettersByReason.Count == 0)
        {
            html.Element("p", text["no_dead_letters"], "empty");
        }
        else
        {
            html.Table([text["col_reason_dl"], text["col_count"]], q.DeadLettersByReason.Select(d => (IReadOnlyList<string>)[d.Key, text.Number(d.Value)]), numericColumns: new HashSet<int> { 1 });
        }

        html.Close("div").Open("div").Element("h3", text.Format("gaps", q.GapMinutes, q.GapWatch));
        if (q.Gaps.Count == 0)
        {
            html.Element("p", text["no_gaps"], "empty");
        }
        else
        {
            html.Table(
                [text["col_source"], text["col_when"], text["col_gap"]],
                q.Gaps.Take(20).Select(g => (IReadOnlyList<string>)[g.Source, $"{Local(g.From, report)}–{Local(g.To, report)}", Duration(g.Length.TotalSeconds, text)]));
        }

        html.Close("div").Close("div").Close("section");
    }

    private static void TuningSection(Html html, DailyReport report, ReportText text)
    {
        html.Open("section").Element("h2", text["tuning"]);
        if (!report.Tuning.Available)
        {
            html.Element("p", text["tuning_unavailable"], "empty");
        }
        else if (report.Tuning.Changes.Count == 0)
        {
            html.Element("p", text["tuning_none"], "empty");
        }
        else
        {
            html.Table(
                [text["col_when"], text["col_who"], text["col_what"], text["col_why"]],
                report.Tuning.Changes.Select(c => (IReadOnlyList<string>)[Local(c.At, report), c.Who, c.What, c.Why]));
        }

        html.Close("section");
    }

    private static string Local(DateTime utc, DailyReport report) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(report.DayStart.Offset).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string Duration(double seconds, ReportText text) => seconds switch
    {
        < 120 => text.Number(seconds) + " s",
        < 7200 => text.Number(seconds / 60) + " min",
        < 172800 => text.Number(seconds / 3600, 1) + " h",
        _ => text.Number(seconds / 86400, 1) + (text.Language == ReportLanguage.English ? " d" : " ngày"),
    };
}
