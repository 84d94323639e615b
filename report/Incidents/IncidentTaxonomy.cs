namespace LogSentinel.Report.Incidents;

/// <summary>
/// Places alert categories in the cause groups of the provincial response plans: (1) network attack, (2) fault of
/// system, equipment, software or infrastructure, (3) operator error, (4) natural disaster; policy violations
/// without an attack stand apart.
/// </summary>
internal static class IncidentTaxonomy
{
    public const string PolicyViolation = "vi phạm quy định";
    public const string CombinedAttack = "tấn công tổng hợp";

    private const string SystemFault = "sự cố do lỗi hệ thống, thiết bị, phần mềm, hạ tầng";
    private const string OperatorError = "sự cố do lỗi của người quản trị, vận hành";
    private const string NaturalDisaster = "sự cố do thảm họa tự nhiên";

    public static IncidentClassification Classify(IReadOnlyList<string> categories)
    {
        var distinct = categories.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var attacks = distinct.Where(c => c.StartsWith("tấn công", StringComparison.Ordinal)).ToList();
        if (attacks.Count > 0)
        {
            return new IncidentClassification("(1) Tấn công mạng", 1, attacks.Count == 1 ? attacks[0] : CombinedAttack, distinct);
        }

        if (distinct.Contains(SystemFault, StringComparer.Ordinal))
        {
            return new IncidentClassification("(2) Sự cố do lỗi của hệ thống, thiết bị, phần mềm, hạ tầng", 2, SystemFault, distinct);
        }

        if (distinct.Contains(OperatorError, StringComparer.Ordinal))
        {
            return new IncidentClassification("(3) Sự cố do lỗi của người quản trị, vận hành hệ thống", 3, OperatorError, distinct);
        }

        if (distinct.Contains(NaturalDisaster, StringComparer.Ordinal))
        {
            return new IncidentClassification("(4) Sự cố do thảm họa tự nhiên", 4, NaturalDisaster, distinct);
        }

        return new IncidentClassification("Vi phạm quy định sử dụng (chưa ghi nhận dấu hiệu tấn công)", 0, PolicyViolation, distinct);
    }

    /// <summary>First steps the response plans expect for each alert type, in Vietnamese.</summary>
    public static string Recommendation(string type) => type switch
    {
        "scripted_bulk_lookup" => "Tạm khóa tài khoản; kiểm tra máy tính sử dụng công cụ tự viết (Excel/VBScript...) và thu giữ công cụ; xác minh mục đích tra cứu với người dùng và lãnh đạo đơn vị.",
        "unknown_source" => "Chặn địa chỉ nguồn lạ tại cổng kết nối; xác minh với đơn vị chủ quản tài khoản; buộc đổi mật khẩu các tài khoản đã dùng từ địa chỉ này.",
        "account_sharing" => "Yêu cầu đơn vị chấm dứt dùng chung tài khoản; cấp tài khoản riêng hoặc lập văn bản ủy quyền có thời hạn; đổi mật khẩu.",
        "many_accounts_one_source" => "Kiểm tra máy nguồn và các dịch vụ đồng bộ mật khẩu lên đám mây; đổi mật khẩu tất cả tài khoản liên quan; thu hồi quyền truy cập của tài khoản đám mây.",
        "weak_credentials" => "Buộc đổi mật khẩu ngay; rà soát các tài khoản khác của đơn vị còn dùng mật khẩu mặc định hoặc quá hạn.",
        "departed_account_use" => "Khóa ngay tài khoản; xác minh người đã sử dụng; rà soát quy trình thu hồi tài khoản trong 5 ngày kể từ khi bàn giao.",
        "off_hours" => "Xác minh với người dùng và lãnh đạo đơn vị lý do tra cứu ngoài giờ làm việc.",
        "brute_force" => "Chặn địa chỉ nguồn; tạm khóa tài khoản bị dò mật khẩu; kiểm tra các lần đăng nhập thành công sau đợt dò.",
        "volume_spike" => "Xác định nguồn lưu lượng; áp dụng giới hạn tần suất; phối hợp nhà cung cấp dịch vụ nếu là tấn công từ chối dịch vụ.",
        "outage" => "Kiểm tra tình trạng hệ thống và hạ tầng; khôi phục dịch vụ; lưu giữ log phục vụ điều tra.",
        _ => "Xác minh cảnh báo và lưu giữ log liên quan.",
    };
}
