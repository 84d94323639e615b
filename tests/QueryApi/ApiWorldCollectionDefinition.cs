namespace LogSentinel.Tests.QueryApi;

/// <summary>API tests share one replayed world and its server; they run one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ApiWorldCollectionDefinition : ICollectionFixture<ApiWorld>
{
    public const string Name = "API world";
}
