namespace LogSentinel.Ingest.Kafka;

/// <summary>
/// Where one message's parsed events ended in a batch: its rows are those after the previous message's ends, up to
/// <paramref name="GatewayEnd"/> (gateway table) and <paramref name="AppEnd"/> (application table).
/// </summary>
/// <param name="Topic">The topic's index in the worker's configured topics.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The message's offset.</param>
/// <param name="GatewayEnd">Gateway rows in the batch after this message.</param>
/// <param name="AppEnd">Application rows in the batch after this message.</param>
/// <param name="ConsumedAt">When the consumer returned it (a <see cref="TimeProvider"/> timestamp).</param>
internal readonly record struct MessageRows(int Topic, int Partition, long Offset, int GatewayEnd, int AppEnd, long ConsumedAt);
