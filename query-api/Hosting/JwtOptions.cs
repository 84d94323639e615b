namespace LogSentinel.QueryApi.Hosting;

/// <summary>Optional OIDC/JWT bearer authentication (section <c>Api:Jwt</c>); off while <see cref="Authority"/> is empty.</summary>
public sealed class JwtOptions
{
    /// <summary>The identity provider (its <c>/.well-known/openid-configuration</c> gives the signing keys).</summary>
    public string Authority { get; set; } = string.Empty;

    /// <summary>The audience tokens must be issued for.</summary>
    public string Audience { get; set; } = "logsentinel";

    /// <summary>The claim holding the LogSentinel role.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Whether the authority must be HTTPS (turn off only for a local test provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
