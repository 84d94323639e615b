using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.IdentityModel.Tokens;

namespace LogSentinel.QueryApi.Hosting;

/// <summary>
/// Optional JWT bearer authentication (section <c>Api:Jwt</c>), off while both <see cref="Authority"/> and
/// <see cref="SigningKeyFile"/> are empty. With an authority the signing keys come from its OIDC discovery document;
/// with a signing key file (an identity provider's public key, no network needed) tokens must be signed with that key
/// and issued by <see cref="Issuer"/>.
/// </summary>
public sealed class JwtOptions
{
    /// <summary>The identity provider (its <c>/.well-known/openid-configuration</c> gives the signing keys).</summary>
    public string Authority { get; set; } = string.Empty;

    /// <summary>A PEM file with the public key (RSA or EC) or certificate tokens are signed with; instead of an authority.</summary>
    public string SigningKeyFile { get; set; } = string.Empty;

    /// <summary>The issuer (<c>iss</c>) tokens must carry; required with <see cref="SigningKeyFile"/>, else taken from the authority.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The audience tokens must be issued for.</summary>
    public string Audience { get; set; } = "logsentinel";

    /// <summary>The claim holding the LogSentinel role.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Whether the authority must be HTTPS (turn off only for a local test provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKeyFile);

    /// <summary>
    /// The key in <see cref="SigningKeyFile"/>; throws <see cref="InvalidOperationException"/> naming the setting when
    /// the file is missing or holds no RSA or EC public key or certificate.
    /// </summary>
    public SecurityKey LoadSigningKey()
    {
        string pem;
        try
        {
            pem = File.ReadAllText(SigningKeyFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Api:Jwt:SigningKeyFile: cannot read '{SigningKeyFile}': {ex.Message}", ex);
        }

        try
        {
            if (pem.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal))
            {
                return new X509SecurityKey(X509Certificate2.CreateFromPem(pem));
            }

            // A "PUBLIC KEY" block may hold either kind: EC when it imports as EC, else RSA.
            var ec = ECDsa.Create();
            try
            {
                ec.ImportFromPem(pem);
                return new ECDsaSecurityKey(ec);
            }
            catch (Exception ex) when (ex is ArgumentException or CryptographicException)
            {
                ec.Dispose();
            }

            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new InvalidOperationException($"Api:Jwt:SigningKeyFile: '{SigningKeyFile}' holds no RSA or EC public key or certificate in PEM form: {ex.Message}", ex);
        }
    }
}
