using System.Globalization;

namespace LogSentinel.Report.Text;

/// <summary>
/// The report's words in Vietnamese and English, and numbers and dates written the way each reader expects
/// (1.234.567 and 08/01/2024 in Vietnamese; 1,234,567 and 8 January 2024 in English).
/// </summary>
internal sealed class ReportText
{
    private static readonly NumberFormatInfo VietnameseNumbers = new() { NumberGroupSeparator = ".", NumberDecimalSeparator = ",", PercentGroupSeparator = ".", PercentDecimalSeparator = "," };

    private static readonly Dictionary<string, (string Vi, string En)> Words = new(StringComparer.Ordinal)
    {
        ["title"] = ("Báo cáo rủi ro hằng ngày", "Daily risk report"),
        ["subtitle"] = ("Truy cập Cơ sở dữ liệu quốc gia về dân cư qua cổng kết nối của tỉnh", "Access to the national population database through the provincial gateway"),
        ["scope_province"] = ("Toàn tỉnh", "Whole province"),
        ["scope_agency"] = ("Đơn vị: {0}", "Agency: {0}"),
        ["generated"] = ("Lập lúc {0}", "Generated {0}"),
        ["day_window"] = ("Ngày {0} (giờ địa phương, UTC{1})", "{0} (local time, UTC{1})"),
        ["key_message"] = ("Thông điệp chính", "Key message"),
        ["glance"] = ("Tổng quan trong ngày", "The day at a glance"),
        ["events"] = ("Sự kiện ghi nhận", "Events logged"),
        ["lookups"] = ("Lượt tra cứu công dân", "Citizen lookups"),
        ["requests"] = ("Yêu cầu qua cổng", "Gateway requests"),
        ["accounts_active"] = ("Tài khoản hoạt động", "Active accounts"),
        ["addresses_active"] = ("Địa chỉ nguồn", "Source addresses"),
        ["agencies_active"] = ("Đơn vị truy cập", "Agencies"),
        ["failed_logins"] = ("Đăng nhập thất bại", "Failed logins"),
        ["server_errors"] = ("Lỗi máy chủ (5xx)", "Server errors (5xx)"),
        ["alerts_active"] = ("Cảnh báo trong ngày", "Alerts during the day"),
        ["alerts_new"] = ("{0} mới", "{0} new"),
        ["vs7"] = ("so với TB 7 ngày trước", "vs previous 7-day mean"),
        ["no_history"] = ("chưa có dữ liệu để so sánh", "nothing to compare with yet"),
        ["severity_critical"] = ("Nghiêm trọng", "Critical"),
        ["severity_high"] = ("Cao", "High"),
        ["severity_medium"] = ("Trung bình", "Medium"),
        ["severity_low"] = ("Thấp", "Low"),
        ["where_risk"] = ("Rủi ro nằm ở đâu", "Where the risk is"),
        ["top_accounts"] = ("Tài khoản rủi ro nhất", "Riskiest accounts"),
        ["top_addresses"] = ("Địa chỉ nguồn rủi ro nhất", "Riskiest source addresses"),
        ["top_agencies"] = ("Đơn vị rủi ro nhất", "Riskiest agencies"),
        ["col_name"] = ("Đối tượng", "Who"),
        ["col_agency"] = ("Đơn vị", "Agency"),
        ["col_score"] = ("Điểm", "Score"),
        ["col_alerts"] = ("Cảnh báo", "Alerts"),
        ["col_reason"] = ("Lý do", "Why"),
        ["col_type"] = ("Loại cảnh báo", "Alert type"),
        ["col_serious"] = ("Cao/nghiêm trọng", "High/critical"),
        ["col_lookups"] = ("Tra cứu", "Lookups"),
        ["col_requests"] = ("Yêu cầu", "Requests"),
        ["col_source"] = ("Nguồn log", "Log source"),
        ["col_status"] = ("Trạng thái", "Status"),
        ["col_events_day"] = ("Sự kiện trong ngày", "Events that day"),
        ["col_last_event"] = ("Sự kiện cuối", "Last event"),
        ["col_delay"] = ("Độ trễ (trung vị / p95)", "Delay (median / p95)"),
        ["col_reason_dl"] = ("Lý do loại bỏ", "Reason"),
        ["col_count"] = ("Số dòng", "Lines"),
        ["col_gap"] = ("Khoảng im lặng", "Silence"),
        ["col_when"] = ("Thời điểm", "When"),
        ["col_who"] = ("Người thực hiện", "Who"),
        ["col_what"] = ("Thay đổi", "What changed"),
        ["col_why"] = ("Lý do", "Why"),
        ["none_of_kind"] = ("Không có.", "None."),
        ["alerts_by_type"] = ("Cảnh báo theo loại", "Alerts by type"),
        ["alerts_by_agency"] = ("Cảnh báo theo đơn vị", "Alerts by agency"),
        ["busiest"] = ("Tài khoản tra cứu nhiều nhất", "Accounts with the most lookups"),
        ["trends"] = ("Xu hướng", "Trends"),
        ["trend_chart"] = ("Tra cứu và cảnh báo 31 ngày qua", "Lookups and alerts over 31 days"),
        ["hourly_chart"] = ("Tra cứu theo giờ trong ngày", "Lookups by hour of the day"),
        ["severity_chart"] = ("Cảnh báo theo loại và mức độ", "Alerts by type and severity"),
        ["trend_row"] = ("{0}: {1} trong ngày; trung bình 7 ngày trước {2} ({3}); trung bình 30 ngày trước {4} ({5}); cùng thứ các tuần trước {6} ({7}).", "{0}: {1} that day; previous 7-day mean {2} ({3}); previous 30-day mean {4} ({5}); same weekday before {6} ({7})."),
        ["new_alerts"] = ("Cảnh báo mới", "New alerts"),
        ["triage"] = ("Tình hình xử lý cảnh báo", "Triage"),
        ["open_total"] = ("Cảnh báo chưa đóng (tồn đọng)", "Alerts not yet closed (backlog)"),
        ["open_of_day"] = ("Trong đó phát sinh trong ngày", "Of which first seen this day"),
        ["closed_day"] = ("Đã đóng trong ngày", "Closed this day"),
        ["time_to_close"] = ("Thời gian đóng: trung vị {0} giờ, lâu nhất {1} giờ", "Time to close: median {0} h, longest {1} h"),
        ["none_closed"] = ("Không có cảnh báo nào được đóng trong ngày.", "No alert was closed this day."),
        ["disposition_unspecified"] = ("không ghi kết luận", "no disposition"),
        ["data_quality"] = ("Độ đầy đủ và chất lượng dữ liệu", "Coverage and data quality"),
        ["status_ok"] = ("Bình thường", "OK"),
        ["status_silent"] = ("Im lặng", "Silent"),
        ["status_late"] = ("Chậm", "Late"),
        ["status_backfilled"] = ("Nạp bổ sung sau", "Loaded afterwards"),
        ["no_sources"] = ("Không có nguồn log nào gửi dữ liệu trong ngày hoặc 7 ngày trước.", "No log source sent data this day or in the week before."),
        ["dead_letters"] = ("Dòng log bị loại (không đọc được): {0}", "Log lines set aside (unreadable): {0}"),
        ["no_dead_letters"] = ("Không có dòng log nào bị loại trong ngày.", "No log line was set aside this day."),
        ["gaps"] = ("Khoảng im lặng từ {0} phút trở lên trong giờ {1}", "Silences of {0} minutes or more within {1}"),
        ["no_gaps"] = ("Không có khoảng im lặng nào đáng kể.", "No notable silence."),
        ["tuning"] = ("Thay đổi cấu hình phát hiện trong ngày", "Detection tuning changed this day"),
        ["tuning_unavailable"] = ("Hệ thống chưa lưu lịch sử thay đổi cấu hình phát hiện, nên không thể báo cáo mục này.", "This installation keeps no history of tuning changes, so this section cannot be reported."),
        ["tuning_none"] = ("Không có thay đổi nào.", "Nothing changed."),
        ["footer"] = ("Số liệu tính theo ngày giờ địa phương (UTC{0}) từ kho dữ liệu LogSentinel. Số định danh công dân không bao giờ được lưu hay hiển thị; chỉ dùng mã bí danh.", "Figures are for the local day (UTC{0}) from the LogSentinel store. Citizen ids are never stored or shown; only keyed pseudonyms are used."),
        ["no_data_title"] = ("Không có dữ liệu cho ngày này", "No data for this day"),
        ["no_data_body"] = ("Kho dữ liệu không có sự kiện hay cảnh báo nào trong ngày {0}. Hoặc các nguồn log đã ngừng gửi, hoặc dữ liệu của ngày này chưa được nạp; xem mục chất lượng dữ liệu bên dưới.", "The store holds no event and no alert for {0}. Either the log sources stopped sending or the day's data has not been loaded yet; see data quality below."),
        ["headline_alert"] = ("{0} cảnh báo mức cao hoặc nghiêm trọng đang diễn ra ({1} mới) cần xử lý.", "{0} high or critical alerts were active ({1} new) and need action."),
        ["point_worst"] = ("Nghiêm trọng nhất: {0}", "The most serious: {0}"),
        ["headline_attention"] = ("{0} cảnh báo mức thấp/trung bình, không có cảnh báo mức cao; cần rà soát trong giờ làm việc.", "{0} low or medium alerts and none high; review them during working hours."),
        ["headline_ok"] = ("Không có cảnh báo nào; hoạt động truy cập bình thường.", "No alerts; access looked normal."),
        ["point_volume_weekday"] = ("Lượt tra cứu {0} so với cùng thứ các tuần trước ({1} lượt/ngày).", "Lookups: {0} compared with the same weekday of the previous weeks ({1} a day)."),
        ["vs_weekday"] = ("so với cùng thứ tuần trước", "vs same weekday before"),
        ["point_volume"] = ("Lượt tra cứu {0} so với trung bình các ngày trước ({1} lượt/ngày).", "Lookups: {0} compared with the mean of the days before ({1} a day)."),
        ["point_silent"] = ("{0} nguồn log im lặng trong ngày: số liệu có thể thiếu.", "{0} log sources were silent: figures may be incomplete."),
        ["point_backlog"] = ("{0} cảnh báo còn tồn đọng chưa đóng.", "{0} alerts are still open."),
        ["point_dead_letters"] = ("{0} dòng log bị loại vì không đọc được.", "{0} log lines were set aside as unreadable."),
        ["higher"] = ("cao hơn {0}", "{0} higher"),
        ["lower"] = ("thấp hơn {0}", "{0} lower"),
        ["about_same"] = ("tương đương", "about the same"),
        ["reason_agency"] = ("{0} cảnh báo ({1} mức cao trở lên); nghiêm trọng nhất: {2}", "{0} alerts ({1} high or above); the most serious: {2}"),
        ["reason_more"] = ("{0} (và {1} cảnh báo khác)", "{0} (and {1} more alerts)"),
        ["chart_lookups"] = ("Tra cứu", "Lookups"),
        ["chart_alerts"] = ("Cảnh báo", "Alerts"),
        ["chart_hour"] = ("Giờ", "Hour"),
        ["page"] = ("Trang", "Page"),
    };

    private ReportText(string language) => Language = language;

    public static ReportText Vietnamese { get; } = new(ReportLanguage.Vietnamese);

    public static ReportText English { get; } = new(ReportLanguage.English);

    public string Language { get; }

    private bool IsVietnamese => Language == ReportLanguage.Vietnamese;

    public static ReportText For(string language) => language == ReportLanguage.English ? English : Vietnamese;

    public string this[string key] => IsVietnamese ? Words[key].Vi : Words[key].En;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.InvariantCulture, this[key], args);

    public string Number(double value, int decimals = 0) =>
        value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), IsVietnamese ? VietnameseNumbers : CultureInfo.InvariantCulture.NumberFormat);

    public string Number(ulong value) => Number((double)value);

    public string Percent(double? change)
    {
        if (change is null)
        {
            return this["no_history"];
        }

        var magnitude = Number(Math.Abs(change.Value) * 100, Math.Abs(change.Value) < 0.1 ? 1 : 0) + " %";
        return Math.Abs(change.Value) < 0.05 ? this["about_same"] : Format(change.Value > 0 ? "higher" : "lower", magnitude);
    }

    public string SignedPercent(double? change) =>
        change is null ? "–" : (change.Value >= 0 ? "+" : "−") + Number(Math.Abs(change.Value) * 100) + " %";

    public string Date(DateOnly date) =>
        IsVietnamese ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public string LongDate(DateOnly date) =>
        IsVietnamese ? $"{VietnameseWeekday(date.DayOfWeek)}, {Date(date)}" : date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public string Time(DateTimeOffset time) =>
        IsVietnamese ? time.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : time.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Offset(TimeSpan offset) => (offset < TimeSpan.Zero ? "−" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    public string Severity(string severity) => severity switch
    {
        "critical" => this["severity_critical"],
        "high" => this["severity_high"],
        "medium" => this["severity_medium"],
        _ => this["severity_low"],
    };

    private static string VietnameseWeekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ Nhật",
    };
}
