namespace LogSentinel.Report.Text;

/// <summary>Alert types in words a leader understands, in both languages; unknown types show as they are.</summary>
internal static class AlertTypeLabels
{
    private static readonly Dictionary<string, (string Vi, string En)> Labels = new(StringComparer.Ordinal)
    {
        ["scripted_bulk_lookup"] = ("Tra cứu hàng loạt bằng công cụ tự động", "Scripted bulk lookups"),
        ["unknown_source"] = ("Truy cập từ địa chỉ lạ", "Access from an unknown address"),
        ["account_sharing"] = ("Dùng chung tài khoản", "Shared account"),
        ["many_accounts_one_source"] = ("Nhiều tài khoản từ một nguồn", "Many accounts from one source"),
        ["weak_credentials"] = ("Mật khẩu yếu hoặc mặc định", "Weak or default password"),
        ["departed_account_use"] = ("Tài khoản của cán bộ đã nghỉ/chuyển công tác", "Account of departed staff in use"),
        ["off_hours"] = ("Tra cứu ngoài giờ làm việc", "Lookups outside working hours"),
        ["brute_force"] = ("Dò mật khẩu", "Password guessing"),
        ["volume_spike"] = ("Lưu lượng tăng đột biến", "Traffic surge"),
        ["outage"] = ("Gián đoạn dịch vụ", "Service outage"),
    };

    public static string For(string type, string language) =>
        Labels.TryGetValue(type, out var label) ? (language == ReportLanguage.English ? label.En : label.Vi) : type;
}
