namespace LogSentinel.Store.Models;

/// <summary>Model lifecycle: trained into shadow, promoted to raise alerts, retired when another is promoted.</summary>
public static class ModelStatuses
{
    public const string Shadow = "shadow";
    public const string Promoted = "promoted";
    public const string Retired = "retired";
}
