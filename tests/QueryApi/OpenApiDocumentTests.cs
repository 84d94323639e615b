using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.QueryApi;

/// <summary>The OpenAPI document checked in beside the API is the one the API generates.</summary>
[Collection(ApiWorldCollectionDefinition.Name)]
public sealed class OpenApiDocumentTests(ApiWorld world)
{
    /// <summary>Set to 1 to rewrite the checked-in document after an intended API change.</summary>
    public const string UpdateVariable = "LOGSENTINEL_UPDATE_OPENAPI";

    [Fact]
    public async Task CheckedInDocument_MatchesGenerated()
    {
        using var response = await world.Server.Client(null).GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var generated = Normalize(await response.Content.ReadAsStringAsync());
        var path = Path.Combine(RepositoryPaths.Root, "query-api", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests once with {UpdateVariable}=1.");
        var checkedIn = Normalize(await File.ReadAllTextAsync(path));
        Assert.True(checkedIn == generated, $"query-api/openapi.json differs from the generated document; if the change is intended, run the tests with {UpdateVariable}=1 and commit the file.");
    }

    private static string Normalize(string json) => json.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
