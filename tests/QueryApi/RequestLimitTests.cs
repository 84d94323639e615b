using System.Net;
using System.Text;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Security;
using LogSentinel.Tests.Infrastructure;

namespace LogSentinel.Tests.QueryApi;

/// <summary>Rate limits and request size limits, on a server of their own with tight settings.</summary>
public sealed class RequestLimitTests
{
    [Fact]
    public async Task RateLimit_RefusesRequestsOverTheMinutesAllowance_WithProblemDetails()
    {
        await using var server = await ApiServer.StartAsync(await SharedEngine.OpenMigratedAsync(), new ApiOptions { RateLimitPerMinute = 3 });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await server.Client(Roles.Analyst).GetAsync(new Uri("/api/me", UriKind.Relative));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("RateLimitPerMinute", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // Another user has an allowance of its own.
        using var other = await server.Client(Roles.Admin).GetAsync(new Uri("/api/me", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task RequestBody_OverTheLimit_IsRefused()
    {
        await using var server = await ApiServer.StartAsync(await SharedEngine.OpenMigratedAsync(), new ApiOptions { RateLimitPerMinute = 0, MaxRequestBytes = 2048 });
        var csv = "agency,cidr,label\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"AG,10.1.{i}.0/24,branch {i}\n"));
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await server.Client(Roles.Operator).PostAsync(new Uri("/api/reference/networks", UriKind.Relative), content);
        var versions = await server.Store.Reference.GetVersionsAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(versions);
    }
}
