using System.Net;
using System.Security.Cryptography;
using System.Text;
using LogSentinel.Ingest.Privacy;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Security;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.QueryApi;

/// <summary>Reference uploads naming citizen-id accounts store only pseudonyms, as <c>ref load</c> does.</summary>
public sealed class ReferenceUploadPrivacyTests
{
    private const string Csv = "account,agency,role,status,status_since\n052088001234,AG,officer,active,2024-01-01\nplain.user,AG,officer,active,2024-01-01\n";

    [Fact]
    public async Task Upload_CitizenIdAccount_IsStoredAsPseudonym()
    {
        using var pseudonymizer = new CitizenIdPseudonymizer(RandomNumberGenerator.GetBytes(32));
        await using var server = await ApiServer.StartAsync(await SharedEngine.OpenMigratedAsync(), new ApiOptions { RateLimitPerMinute = 0 }, pseudonymizer);
        using var content = new StringContent(Csv, Encoding.UTF8, "text/csv");
        using var response = await server.Client(Roles.Operator).PostAsync(new Uri("/api/reference/accounts", UriKind.Relative), content);
        var accounts = await server.Store.Reference.GetAccountsAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, accounts.Count);
        Assert.DoesNotContain(accounts, a => a.Account.Contains("052088001234", StringComparison.Ordinal));
        Assert.Contains(accounts, a => a.Account.StartsWith("cccd-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Upload_CitizenIdAccount_WithoutKey_IsRefusedAndNothingLoads()
    {
        await using var server = await ApiServer.StartAsync(await SharedEngine.OpenMigratedAsync());
        using var content = new StringContent(Csv, Encoding.UTF8, "text/csv");
        using var response = await server.Client(Roles.Admin).PostAsync(new Uri("/api/reference/accounts", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(await server.Store.Reference.GetVersionsAsync());
    }
}
