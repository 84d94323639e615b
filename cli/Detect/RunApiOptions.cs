namespace LogSentinel.Cli.Detect;

/// <summary>Settings of <c>logsentinel run</c> itself (section <c>Run</c>); every one has a default.</summary>
internal sealed class RunApiOptions
{
    public const string SectionName = "Run";

    /// <summary>
    /// On the embedded store, serve the query API and console (on <c>Api:Urls</c>, with the other <c>Api</c> settings)
    /// beside the live pipeline and leave <c>serve.json</c> in the data directory, so <c>alerts</c>, <c>report</c>,
    /// <c>store query</c>, <c>ref load</c> and <c>tune</c> work through the running process (default true). Off, those
    /// commands fail on the directory lock while <c>run</c> holds it. Against a ClickHouse server nothing holds a
    /// directory, so <c>run</c> serves no API and <c>serve</c> runs as its own role.
    /// </summary>
    public bool ServeApi { get; set; } = true;
}
