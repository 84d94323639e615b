using System.Net;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Tests.Cli;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.QueryApi;

/// <summary><c>logsentinel users</c>: a key is shown once, stored only hashed, works at once and stops working when revoked.</summary>
public sealed class UsersCommandTests
{
    [Fact]
    public async Task AddListRevoke_KeyWorksUntilRevoked_AndIsNeverStoredOrListed()
    {
        var database = SharedEngine.NewDatabase("users");
        string[] Args(params string[] args) => [.. args, "--data-dir", SharedEngine.DataPath, "-s", $"Store:Database={database}"];

        var badRole = await CliRunner.RunAsync(Args("users", "add", "mallory", "--role", "root"));
        var add = await CliRunner.RunAsync(Args("users", "add", "lan.pc06", "--role", "analyst"));
        var key = add.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        var twice = await CliRunner.RunAsync(Args("users", "add", "lan.pc06", "--role", "admin"));
        var list = await CliRunner.RunAsync(Args("users", "list"));
        await using var server = await ApiServer.StartAsync(StoreFactory.Open(SharedEngine.Options(database)));
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var before = await client.GetAsync(new Uri("/api/alerts", UriKind.Relative));
        var revoke = await CliRunner.RunAsync(Args("users", "revoke", "lan.pc06"));
        using var after = await client.GetAsync(new Uri("/api/alerts", UriKind.Relative));
        var stored = System.Text.Encoding.UTF8.GetString(await server.Store.RunOperatorQueryAsync("SELECT * FROM api_users FORMAT TSV"));

        Assert.Equal(1, badRole.ExitCode);
        Assert.Contains("--role 'root'", badRole.Error, StringComparison.Ordinal);
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.StartsWith("lsk_", key, StringComparison.Ordinal);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("lan.pc06", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.Contains(ApiKeys.Hash(key), stored, StringComparison.Ordinal);
    }
}
