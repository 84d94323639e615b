using System.Text.Json.Nodes;
using LogSentinel.Report;
using LogSentinel.Report.Incidents;
using LogSentinel.Store;
using LogSentinel.Tests.Infrastructure;
using LogSentinel.Tests.Server;

namespace LogSentinel.Tests.Report;

/// <summary>The report's SQL on the server transport (ClickHouse.Driver over HTTP) gives the same figures as embedded.</summary>
[Collection(EmbeddedEngineCollectionDefinition.Name)]
public sealed class ReportServerTransportTests(ReportWorldFixture world, EmbeddedEngineFixture engine) : IClassFixture<ReportWorldFixture>
{
    [Fact]
    public async Task Generate_OverTheServerTransport_EqualsTheEmbeddedReport()
    {
        await using var endpoint = await ClickHouseHttpEndpoint.StartAsync(engine);
        await using var server = ServerStores.Open(endpoint.Port, world.Database);
        await using var embedded = StoreFactory.Open(SharedEngine.Options(world.Database));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 2, 1, 6, 0, 0, TimeSpan.Zero));

        var overServer = await new ReportService(server, new ReportOptions(), time: clock).GenerateAsync(world.Day, language: "en");
        var overEmbedded = await new ReportService(embedded, new ReportOptions(), time: clock).GenerateAsync(world.Day, language: "en");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(overEmbedded.Stored.Json), JsonNode.Parse(overServer.Stored.Json)), overServer.Stored.Json);
        Assert.True(overServer.Figures.Glance.AlertsActive > 0);
        var stored = await new ReportService(server, new ReportOptions()).GetAsync(world.Day, language: "en");
        Assert.Equal(overEmbedded.Stored.Html.Length, stored!.Html.Length);

        var alert = world.Alerts.First(a => a.Type == "scripted_bulk_lookup");
        var incident = await new IncidentExporter(server, new IncidentOptions(), clock).BuildAsync([alert.Id]);
        Assert.Equal(alert.Entity, Assert.Single(incident.Alerts).Entity);
    }
}
