namespace LogSentinel.Detect.Feedback;

/// <summary>An analyst's verdict on a closed alert: detections of the same type and entity until <paramref name="Expires"/> score lower.</summary>
/// <param name="AlertId">The closed alert.</param>
/// <param name="Type">Its type.</param>
/// <param name="Entity">Its entity.</param>
/// <param name="Disposition">The verdict, e.g. <c>false_positive</c>.</param>
/// <param name="LastSeen">Event time of the alert's last occurrence.</param>
/// <param name="Expires">Event time until which the verdict applies.</param>
public sealed record FeedbackEntry(Guid AlertId, string Type, string Entity, string Disposition, DateTimeOffset LastSeen, DateTimeOffset Expires);
