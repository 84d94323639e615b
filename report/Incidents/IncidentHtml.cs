using System.Globalization;
using LogSentinel.Report.Rendering;

namespace LogSentinel.Report.Incidents;

/// <summary>The incident report as a printable A4 page, laid out as the numbered sections of the reporting form.</summary>
internal static class IncidentHtml
{
    private const string NotDeclared = "(chưa khai báo)";

    private const string Css = """
        .form-title { text-align: center; margin: 0 0 1mm; font-size: 15pt; color: #1d2733; text-transform: uppercase; }
        .form-sub { text-align: center; color: #51606f; margin-bottom: 6mm; }
        dl.fields { display: grid; grid-template-columns: 52mm 1fr; gap: 1.2mm 4mm; margin: 0 0 2mm; }
        dl.fields dt { color: #51606f; } dl.fields dd { margin: 0; }
        .missing { color: #b71c1c; font-style: italic; }
        .alert-box { border: 1px solid #d5dde6; border-radius: 1.5mm; padding: 2.5mm 3.5mm; margin-bottom: 3mm; break-inside: avoid; page-break-inside: avoid; }
        .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
        .sign { margin-top: 10mm; display: grid; grid-template-columns: 1fr 1fr; text-align: center; }
        """;

    public static string Render(IncidentReport report)
    {
        var html = new Html();
        html.Raw("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>").Text(report.Title).Raw("</title><style>")
            .Raw(ReportStyles.Css).Raw(Css).Raw("</style></head><body>");
        html.Element("h1", report.Title, "form-title")
            .Element("div", $"Lập lúc {Time(report.CreatedAt)} · {report.Alerts.Count} cảnh báo", "form-sub");

        Section(html, "1. Đơn vị báo cáo sự cố");
        Fields(html, [
            ("Tên đơn vị", report.ReportingUnit.Name),
            ("Địa chỉ", report.ReportingUnit.Address),
            ("Người liên hệ", report.ReportingUnit.ContactName),
            ("Điện thoại", report.ReportingUnit.ContactPhone),
            ("Thư điện tử", report.ReportingUnit.ContactEmail),
        ]);

        Section(html, "2. Hệ thống bị sự cố");
        Fields(html, [
            ("Tên hệ thống", report.System.Name),
            ("Đơn vị chủ quản", report.System.Owner),
            ("Đơn vị liên quan", List(", ", report.System.Agencies)),
            ("Tài khoản liên quan", List(", ", report.System.Accounts)),
            ("Địa chỉ IP liên quan", List(", ", report.System.Addresses)),
        ]);

        Section(html, "3. Thời điểm phát hiện sự cố");
        Fields(html, [
            ("Thời điểm phát hiện", $"{Time(report.Timing.DetectedAt)} (theo thời gian sự kiện trong log)"),
            ("Thời điểm hệ thống cảnh báo", Time(report.Timing.RaisedAt)),
            ("Diễn ra", $"từ {Time(report.Timing.FirstSeen)} đến {Time(report.Timing.LastSeen)}"),
        ]);

        Section(html, "4. Phân loại sự cố");
        Fields(html, [
            ("Nguyên nhân", report.Classification.Cause),
            ("Loại sự cố", report.Classification.Category),
            ("Phân loại của từng cảnh báo", List("; ", report.Classification.CategoriesOfAlerts)),
        ]);

        Section(html, "5. Mô tả sự cố");
        html.Open("ul");
        foreach (var line in report.Description)
        {
            html.Element("li", line);
        }

        html.Close("ul");

        Section(html, "6. Tóm tắt chứng cứ");
        html.Element("p", "Số định danh công dân không được lưu trữ hay hiển thị; danh sách dưới đây là mã bí danh (HMAC) do hệ thống tạo khi tiếp nhận log, dùng để đối chiếu với log gốc tại cơ quan quản lý.", "minor");
        foreach (var a in report.Alerts)
        {
            html.Open("div", "alert-box").Open("h3").Text($"{a.TypeLabel} — {a.Entity} ").Element("span", $"{a.Score} · {Text.ReportText.Vietnamese.Severity(a.Severity).ToLowerInvariant()}", "sev " + a.Severity).Close("h3");
            Fields(html, [
                ("Mã cảnh báo", a.Id.ToString("D")),
                ("Đơn vị", a.Agency),
                ("Thời gian", $"{Time(a.FirstSeen)} – {Time(a.LastSeen)}; {a.Occurrences} lần"),
                ("Lý do", a.Summary),
                ("Số liệu", List("; ", a.Counts.Select(c => $"{c.Key} = {c.Value.ToString("N0", CultureInfo.InvariantCulture)}"))),
                ("Tài khoản", List(", ", a.Accounts)),
                ("Địa chỉ IP", List(", ", a.Addresses)),
                ("Phần mềm truy cập (user agent)", List("; ", a.UserAgents)),
            ]);
            if (a.CitizenPseudonymsTotal > 0)
            {
                html.Element("div", $"Mã bí danh công dân được tra cứu ({a.CitizenPseudonyms.Count}/{a.CitizenPseudonymsTotal} đầu tiên, theo thứ tự tra cứu):", "minor")
                    .Element("div", List(" ", a.CitizenPseudonyms), "mono");
            }

            if (a.SampleEventKeys.Count > 0)
            {
                html.Element("div", "Khóa sự kiện mẫu (tra cứu trong bảng sự kiện):", "minor").Element("div", List(" ", a.SampleEventKeys), "mono");
            }

            html.Close("div");
        }

        Section(html, "7. Biện pháp đã xử lý");
        html.Open("ul");
        foreach (var action in report.ActionsTaken)
        {
            html.Element("li", action);
        }

        html.Close("ul");
        html.Element("h3", "Kiến nghị xử lý ban đầu").Open("ul");
        foreach (var recommendation in report.Recommendations)
        {
            html.Element("li", recommendation);
        }

        html.Close("ul");
        html.Open("div", "sign").Open("div").Element("div", "Người lập báo cáo").Element("div", "(ký, ghi rõ họ tên)", "minor").Close("div")
            .Open("div").Element("div", "Thủ trưởng đơn vị").Element("div", "(ký, đóng dấu)", "minor").Close("div").Close("div");
        html.Open("footer").Text("Báo cáo do LogSentinel lập từ cảnh báo và chứng cứ đã lưu; thời gian theo giờ địa phương. Đối chiếu với log gốc trước khi sử dụng làm chứng cứ.").Close("footer");
        html.Raw("</body></html>");
        return html.ToString();
    }

    /// <summary>A list of values, or "none" — an empty list is a fact, not a missing declaration.</summary>
    private static string List(string separator, IEnumerable<string> values)
    {
        var joined = string.Join(separator, values);
        return joined.Length == 0 ? "không có" : joined;
    }

    private static void Section(Html html, string title) => html.Element("h2", title);

    private static void Fields(Html html, IReadOnlyList<(string Name, string Value)> fields)
    {
        html.Open("dl", "fields");
        foreach (var (name, value) in fields)
        {
            html.Element("dt", name);
            if (string.IsNullOrWhiteSpace(value))
            {
                html.Element("dd", NotDeclared, "missing");
            }
            else
            {
                html.Element("dd", value);
            }
        }

        html.Close("dl");
    }

    private static string Time(DateTimeOffset time) => time.ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture) + $" (UTC{Text.ReportText.Offset(time.Offset)})";
}
