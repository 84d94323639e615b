namespace LogSentinel.Tests.Infrastructure;

/// <summary>Tests that need the process's embedded engine; they run one class at a time, sharing one engine.</summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedEngineCollectionDefinition : ICollectionFixture<EmbeddedEngineFixture>
{
    public const string Name = "Embedded engine";
}
