namespace LogSentinel.Detect.Live;

/// <summary>
/// Where detection stands in one partition: every message before <paramref name="NextOffset"/> was fed to the
/// engine, and the first <paramref name="RowsFed"/> events of the message at <paramref name="NextOffset"/> too (a
/// message may hold several lines, and the merge may stop between them).
/// </summary>
internal readonly record struct PartitionPosition(string Topic, int Partition, long NextOffset, int RowsFed);
