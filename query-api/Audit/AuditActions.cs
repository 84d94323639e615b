namespace LogSentinel.QueryApi.Audit;

/// <summary>The actions the audit trail records; auditors filter by their prefixes (<c>alert.</c>, <c>reference.</c>).</summary>
internal static class AuditActions
{
    public const string EvidenceRead = "alert.evidence.read";
    public const string EventsRead = "alert.events.read";
    public const string EntityEventsRead = "entity.events.read";
    public const string Transition = "alert.transition";
    public const string Assign = "alert.assign";
    public const string Note = "alert.note";
    public const string ReferenceLoad = "reference.load";
    public const string ReferenceRejected = "reference.rejected";
    public const string StoreQuery = "store.query";
    public const string TuningChange = "tuning.change";
    public const string TuningRevert = "tuning.revert";
    public const string TuningPreview = "tuning.preview";
    public const string ReportGenerate = "report.generate";
    public const string RecordsRead = "alert.records.read";
    public const string ReportRead = "report.read";
}
