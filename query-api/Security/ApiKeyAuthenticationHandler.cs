using System.Security.Claims;
using System.Text.Encodings.Web;
using LogSentinel.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LogSentinel.QueryApi.Security;

/// <summary>Authenticates the <c>X-Api-Key</c> header against the hashed keys of <c>logsentinel users</c>.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ILogStore store, LocalAdminToken localAdmin)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values[0]!;
        if (ApiKeys.Matches(key, ApiKeys.Hash(localAdmin.Key)))
        {
            return Success(LocalAdminToken.UserName, Roles.Admin);
        }

        if (!ApiKeys.TryGetId(key, out var keyId))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var user = await store.Users.FindByKeyIdAsync(keyId, Context.RequestAborted).ConfigureAwait(false);
        if (user is null || !ApiKeys.Matches(key, user.KeyHash))
        {
            return AuthenticateResult.Fail("The API key is not known.");
        }

        return user.IsActive ? Success(user.Name, user.Role) : AuthenticateResult.Fail("The API key was revoked.");
    }

    private static AuthenticateResult Success(string name, string role)
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
