using LogSentinel.Cli.Hosting;
using LogSentinel.Store.Configuration;

namespace LogSentinel.Tests.Cli;

/// <summary>Environment variables are process-wide, so these tests do not run beside each other.</summary>
[Collection(nameof(EnvironmentVariables))]
public sealed class ConfigurationTests
{
    [Fact]
    public void Settings_AppsettingsThenEnvironmentThenCommandLine_EachOverridesTheOneBefore()
    {
        var root = LogSentinelCli.CreateRoot();

        var fromFile = StoreOpener.ReadOptions(root.Parse(["store", "check"]));
        Environment.SetEnvironmentVariable("LOGSENTINEL_STORE__RETENTIONDAYS", "77");
        try
        {
            var fromEnvironment = StoreOpener.ReadOptions(root.Parse(["store", "check"]));
            var fromCommandLine = StoreOpener.ReadOptions(root.Parse(["store", "check", "-s", "Store:RetentionDays=88", "--data-dir", "/tmp/x"]));

            Assert.Equal(400, fromFile.RetentionDays);
            Assert.Equal("./data", fromFile.Embedded.DataDir);
            Assert.Equal(77, fromEnvironment.RetentionDays);
            Assert.Equal(88, fromCommandLine.RetentionDays);
            Assert.Equal("/tmp/x", fromCommandLine.Embedded.DataDir);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LOGSENTINEL_STORE__RETENTIONDAYS", null);
        }
    }

    [Fact]
    public async Task Settings_InvalidValue_NamesTheKey()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("store", "check", "-s", "Store:Transport=Server", "-s", "Store:Server:Port=70000");

        Assert.Equal(1, exitCode);
        Assert.Contains("Store:Server:Port must be between 1 and 65535; it is 70000.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_UnknownKey_NamesIt()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("store", "check", "-s", "Store:Embedded:DataDirectory=/tmp");

        Assert.Equal(1, exitCode);
        Assert.Contains("DataDirectory", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_UnparsableValue_NamesTheKey()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("store", "check", "-s", "Store:Transport=Cluster");

        Assert.Equal(1, exitCode);
        Assert.Contains("Store:Transport", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_NotKeyEqualsValue_SaysHowToWriteIt()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("store", "check", "-s", "Store:Transport");

        Assert.Equal(1, exitCode);
        Assert.Contains("is not KEY=VALUE", error, StringComparison.Ordinal);
    }
}

[CollectionDefinition(nameof(EnvironmentVariables), DisableParallelization = true)]
public sealed class EnvironmentVariables;

public sealed class IngestConfigurationTests
{
    [Fact]
    public async Task Ingest_MisspelledParsingSetting_NamesIt()
    {
        using var dir = new LogSentinel.Tests.Infrastructure.TempDirectory();
        var file = dir.Write("app.jsonl", "{}\n");
        _ = LogSentinel.Tests.Infrastructure.SharedEngine.Transport;

        var (exitCode, _, error) = await CliRunner.RunAsync(
            "ingest", "--format", "app-json", file, "--data-dir", LogSentinel.Tests.Infrastructure.SharedEngine.DataPath,
            "-s", $"Store:Database={LogSentinel.Tests.Infrastructure.SharedEngine.NewDatabase()}", "-s", "Ingest:Parsing:MaxLineByte=1024");

        Assert.Equal(1, exitCode);
        Assert.Contains("MaxLineByte", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Api:Jwt:Issuer=", "Api:Jwt:Issuer is required")]
    [InlineData("Api:Jwt:Issuer=https://idp.test", "Api:Jwt:SigningKeyFile: cannot read")]
    public async Task Serve_JwtSigningKeyMisconfigured_NamesTheSetting(string issuer, string message)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "serve", "--data-dir", Path.Combine(Path.GetTempPath(), "logsentinel-jwt-unused"), "-s", "Api:Jwt:SigningKeyFile=/nonexistent/idp.pem", "-s", issuer);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
