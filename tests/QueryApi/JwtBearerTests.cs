using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Security;
using LogSentinel.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LogSentinel.Tests.QueryApi;

/// <summary>
/// JWT bearer over real HTTP with a locally generated signing key (Api:Jwt:SigningKeyFile, no identity provider): a
/// token signed with that key, for the configured issuer and audience and with a known role, gets that role's access;
/// anything else is refused.
/// </summary>
public sealed class JwtBearerTests : IAsyncLifetime, IDisposable
{
    private const string Issuer = "https://idp.police.test/realms/pc06";
    private const string Audience = "logsentinel";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly TempDirectory _directory = new();
    private ApiServer _server = null!;

    public async Task InitializeAsync()
    {
        var pem = _directory.Write("idp-public.pem", _key.ExportSubjectPublicKeyInfoPem());
        var options = new ApiOptions { RateLimitPerMinute = 0, Jwt = new JwtOptions { SigningKeyFile = pem, Issuer = Issuer, Audience = Audience } };
        _server = await ApiServer.StartAsync(await SharedEngine.OpenMigratedAsync(), options);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _key.Dispose();
        _otherKey.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task SignedToken_WithRole_GetsThatRolesAccess()
    {
        var analyst = Token(role: Roles.Analyst);
        var auditor = Token(role: Roles.Auditor, name: "auditor.tran");

        using var me = await SendAsync(analyst, "/api/me");
        using var alerts = await SendAsync(analyst, "/api/alerts?page_size=1");
        using var auditAsAnalyst = await SendAsync(analyst, "/api/audit");
        using var auditAsAuditor = await SendAsync(auditor, "/api/audit");
        using var alertsAsAuditor = await SendAsync(auditor, "/api/alerts");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var caller = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal("analyst.nguyen", caller.RootElement.GetProperty("name").GetString());
        Assert.Equal(Roles.Analyst, caller.RootElement.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, auditAsAnalyst.StatusCode);
        Assert.Equal(HttpStatusCode.OK, auditAsAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, alertsAsAuditor.StatusCode);
    }

    [Fact]
    public async Task TokenWithoutName_IsNamedBySubject()
    {
        using var me = await SendAsync(Token(role: Roles.Operator, name: null), "/api/me");

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var caller = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        Assert.Equal("subject-42", caller.RootElement.GetProperty("name").GetString());
    }

    public static TheoryData<string> RefusedTokens() => ["wrong signature", "expired", "wrong audience", "wrong issuer", "unsigned", "garbage"];

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task BadToken_IsUnauthorized(string flaw)
    {
        var token = flaw switch
        {
            "wrong signature" => Token(role: Roles.Admin, signWith: _otherKey),
            "expired" => Token(role: Roles.Admin, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong audience" => Token(role: Roles.Admin, audience: "another-service"),
            "wrong issuer" => Token(role: Roles.Admin, issuer: "https://idp.elsewhere.test"),
            "unsigned" => new JsonWebTokenHandler().CreateToken(Descriptor(Roles.Admin, "x", Issuer, Audience, DateTime.UtcNow.AddMinutes(5), signing: null)),
            _ => "not.a.token",
        };

        using var response = await SendAsync(token, "/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("superuser")]
    public async Task SignedToken_WithoutAKnownRole_IsForbidden(string? role)
    {
        using var me = await SendAsync(Token(role: role), "/api/me");
        using var alerts = await SendAsync(Token(role: role), "/api/alerts");

        Assert.Equal(HttpStatusCode.Forbidden, me.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, alerts.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _server.Client(null).SendAsync(request);
    }

    private string Token(string? role, string? name = "analyst.nguyen", RSA? signWith = null, DateTime? expires = null, string audience = Audience, string issuer = Issuer)
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(signWith ?? _key), SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler().CreateToken(Descriptor(role, name, issuer, audience, expires ?? DateTime.UtcNow.AddMinutes(5), credentials));
    }

    private static SecurityTokenDescriptor Descriptor(string? role, string? name, string issuer, string audience, DateTime expires, SigningCredentials? signing)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "subject-42" };
        if (name is not null)
        {
            claims["preferred_username"] = name;
        }

        if (role is not null)
        {
            claims["roles"] = role;
        }

        return new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expires.AddMinutes(-20),
            NotBefore = expires.AddMinutes(-20),
            Expires = expires,
            SigningCredentials = signing,
        };
    }
}
