namespace LogSentinel.Detect.Alerts;

/// <summary>A category of the provincial incident taxonomy, in Vietnamese and English.</summary>
/// <param name="Vi">The Vietnamese label as the response plans write it.</param>
/// <param name="En">The English label.</param>
public sealed record IncidentCategory(string Vi, string En)
{
    /// <summary>Unauthorized access or takeover of control.</summary>
    public static readonly IncidentCategory UnauthorizedAccess =
        new("tấn công truy cập trái phép, chiếm quyền điều khiển", "unauthorized access or takeover of control");

    /// <summary>Eavesdropping, espionage, theft of information or data.</summary>
    public static readonly IncidentCategory DataTheft =
        new("tấn công nghe trộm, gián điệp, lấy cắp thông tin, dữ liệu", "eavesdropping, espionage, theft of information or data");

    /// <summary>Denial of service.</summary>
    public static readonly IncidentCategory DenialOfService = new("tấn công từ chối dịch vụ", "denial of service");

    /// <summary>Fault of system, equipment, software or infrastructure.</summary>
    public static readonly IncidentCategory SystemFault =
        new("sự cố do lỗi hệ thống, thiết bị, phần mềm, hạ tầng", "fault of system, equipment, software or infrastructure");

    /// <summary>Policy violation where no attack is shown: shared accounts, weak credentials, unapproved tools.</summary>
    public static readonly IncidentCategory PolicyViolation = new("vi phạm quy định", "policy violation");
}
