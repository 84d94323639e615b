using System.Text;

namespace LogSentinel.Tests.Kafka;

public sealed class KafkaPrivacyTests
{
    [Fact]
    public async Task Run_LookupsAndBrokenLinesWithCitizenIds_NoIdInClearAnywhereInTheDatabase()
    {
        const int lookups = 3000;
        await using var bed = await KafkaTestBed.StartAsync(gatewayPartitions: 4, appPartitions: 4);
        var ids = Enumerable.Range(0, lookups).Where(KafkaTestLines.IsLookup).Select(KafkaTestLines.CitizenId).ToList();
        // Broken lines carrying ids too: they become dead letters, whose raw text must be masked.
        var broken = new List<byte[]>();
        for (var i = 0; i < 40; i++)
        {
            var id = KafkaTestLines.CitizenId(100_000 + i);
            ids.Add(id);
            broken.Add(Encoding.UTF8.GetBytes(i % 2 == 0
                ? $"{{\"ts\":\"not a time\",\"event\":\"citizen_lookup\",\"account\":\"a{i}\",\"citizen_id\":\"{id}\"}}"
                : $"{{\"ts\":\"2024-01-15T08:00:00.000+07:00\",\"event\":\"citizen_lookup\",\"account\":\"a{i}\",\"citizen_id\":\"{id}"));
        }

        bed.Produce(KafkaTestBed.AppTopic, 4, Enumerable.Range(0, lookups).Select(KafkaTestLines.App).Concat(broken));
        var worker = bed.Worker();

        await KafkaTestBed.RunUntilAsync(worker, () => Task.FromResult(worker.Stats.LinesWritten >= lookups + broken.Count));

        Assert.Equal(lookups, await bed.CountAsync("app_events"));
        Assert.Equal(broken.Count, await bed.CountAsync("dead_letters"));
        var tables = Encoding.UTF8.GetString(await bed.Store.RunOperatorQueryAsync(
            $"SELECT name FROM system.tables WHERE database = '{bed.Database}' ORDER BY name FORMAT TSV")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("app_events", tables);
        Assert.Contains("detector_state", tables);
        foreach (var table in tables)
        {
            var content = Encoding.UTF8.GetString(await bed.Store.RunOperatorQueryAsync($"SELECT * FROM {bed.Database}.`{table}` FORMAT TSV"));
            foreach (var id in ids)
            {
                Assert.False(content.Contains(id, StringComparison.Ordinal), $"citizen id {id} found in clear in {table}");
            }
        }
    }
}
