namespace LogSentinel.Report.Incidents;

/// <summary>
/// Who reports and which system, for incident reports, bound from the <c>Incident</c> section. Empty fields are
/// printed as "not declared" so an incomplete report is visibly incomplete rather than silently blank.
/// </summary>
public sealed class IncidentOptions
{
    public const string SectionName = "Incident";

    /// <summary>The reporting unit (e.g. the provincial Department of Information and Communications); default empty.</summary>
    public string ReportingUnit { get; set; } = string.Empty;

    /// <summary>Its address; default empty.</summary>
    public string ReportingUnitAddress { get; set; } = string.Empty;

    /// <summary>The person to contact about the report; default empty.</summary>
    public string ContactName { get; set; } = string.Empty;

    /// <summary>Their telephone; default empty.</summary>
    public string ContactPhone { get; set; } = string.Empty;

    /// <summary>Their e-mail; default empty.</summary>
    public string ContactEmail { get; set; } = string.Empty;

    /// <summary>The system affected (default: the province's gateway to the national population database).</summary>
    public string SystemName { get; set; } = "Cổng kết nối Cơ sở dữ liệu quốc gia về dân cư của tỉnh";

    /// <summary>The unit that owns and runs that system; default empty.</summary>
    public string SystemOwner { get; set; } = string.Empty;

    /// <summary>Most items of each evidence list (addresses, pseudonymized ids, ...) printed per alert (default 20).</summary>
    public int MaxEvidenceItems { get; set; } = 20;

    /// <summary>Offset of local time; taken from <c>Detection:LocalOffset</c> (default UTC+07:00).</summary>
    public TimeSpan LocalOffset { get; set; } = TimeSpan.FromHours(7);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (MaxEvidenceItems is < 1 or > 1000)
        {
            throw new InvalidOperationException($"{SectionName}: MaxEvidenceItems must be between 1 and 1000.");
        }

        if (string.IsNullOrWhiteSpace(SystemName))
        {
            throw new InvalidOperationException($"{SectionName}: SystemName must not be empty.");
        }
    }
}
