using System.Text.Json;
using System.Threading.RateLimiting;
using LogSentinel.QueryApi.Alerts;
using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Console;
using LogSentinel.QueryApi.Entities;
using LogSentinel.QueryApi.Health;
using LogSentinel.QueryApi.Reference;
using LogSentinel.QueryApi.Reports;
using LogSentinel.QueryApi.Security;
using LogSentinel.QueryApi.Tuning;
using LogSentinel.Store;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LogSentinel.QueryApi.Hosting;

/// <summary>Builds the query API and console over an open store: the web application <c>logsentinel serve</c> runs.</summary>
public static class QueryApiHost
{
    private const string SelectorScheme = "ApiKeyOrJwt";

    /// <summary>
    /// The application, not yet started. The caller keeps owning <paramref name="store"/>; <paramref name="localAdmin"/>
    /// is the key of this process's own administrator (see <see cref="LocalAdminToken"/>).
    /// </summary>
    /// <remarks>
    /// <c>pseudonymizer</c> is the deployment's citizen-id pseudonymizer, for reference uploads naming citizen-id
    /// accounts; without one such uploads are refused. <c>settings</c> are the hosting process's detection, tuning and
    /// report settings (defaults when null): tuning changes are validated and previewed against them.
    /// </remarks>
    public static WebApplication Build(
        ApiOptions options, ILogStore store, LocalAdminToken localAdmin, TimeProvider? time = null, LogLevel minimumLogLevel = LogLevel.Warning,
        Ingest.Privacy.CitizenIdPseudonymizer? pseudonymizer = null, HostedSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "LogSentinel.QueryApi", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(minimumLogLevel);
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });

        var services = builder.Services;
        services.AddSingleton(store);
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(Options.Create(options));
        services.AddSingleton(localAdmin);
        services.AddSingleton<Auditor>();
        services.AddSingleton(settings ?? HostedSettings.Defaults);
        services.AddSingleton<TuningPreviewGate>();
        services.AddSingleton(new ReferencePseudonyms(pseudonymizer));
        services.AddSingleton<AlertWorkflow>();
        // Nothing this service protects outlives the process (no cookies, no antiforgery tokens), so keys stay in memory.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            json.SerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        AddSecurity(services, options);
        services.AddOpenApi("v1", openApi => openApi.AddDocumentTransformer(new OpenApiDocumentInfo()));

        var app = builder.Build();
        // A body over Api:MaxRequestBytes or a malformed request is the caller's error (413, 400), not the server's.
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError });
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHealthApi();
        app.MapAlertsApi();
        app.MapEntitiesApi();
        app.MapReferenceApi();
        app.MapAuditApi();
        app.MapTuningApi();
        app.MapReportsApi();
        app.MapConsole();
        return app;
    }

    private static void AddSecurity(IServiceCollection services, ApiOptions options)
    {
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "API key or JWT bearer", policy => policy.ForwardDefaultSelector = context =>
                options.Jwt.Enabled && !context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                    && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (options.Jwt.Enabled)
        {
            authentication.AddJwtBearer(jwt =>
            {
                jwt.Audience = options.Jwt.Audience;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters.RoleClaimType = options.Jwt.RoleClaim;
                jwt.TokenValidationParameters.NameClaimType = "preferred_username";
                if (!string.IsNullOrWhiteSpace(options.Jwt.SigningKeyFile))
                {
                    // The identity provider's public key from a file: no discovery, so issuer and key are checked against settings.
                    jwt.TokenValidationParameters.IssuerSigningKey = options.Jwt.LoadSigningKey();
                    jwt.TokenValidationParameters.ValidIssuer = options.Jwt.Issuer;
                    jwt.TokenValidationParameters.ValidAudience = options.Jwt.Audience;
                    jwt.TokenValidationParameters.ValidateIssuer = true;
                    jwt.TokenValidationParameters.ValidateAudience = true;
                    jwt.TokenValidationParameters.ValidateLifetime = true;
                    jwt.TokenValidationParameters.RequireExpirationTime = true;
                    jwt.TokenValidationParameters.RequireSignedTokens = true;
                }
                else
                {
                    jwt.Authority = options.Jwt.Authority;
                    jwt.RequireHttpsMetadata = options.Jwt.RequireHttpsMetadata;
                    if (!string.IsNullOrWhiteSpace(options.Jwt.Issuer))
                    {
                        jwt.TokenValidationParameters.ValidIssuer = options.Jwt.Issuer;
                    }
                }

                jwt.Events = new JwtBearerEvents
                {
                    // The audit trail names the user: preferred_username, else the subject.
                    OnTokenValidated = context =>
                    {
                        if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity { Name: null } identity && identity.FindFirst("sub") is { } subject)
                        {
                            identity.AddClaim(new System.Security.Claims.Claim(identity.NameClaimType, subject.Value));
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        }

        services.AddAuthorization(Policies.Add);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new ProblemDetails { Status = 429, Title = "Too many requests.", Detail = $"At most {options.RateLimitPerMinute} requests a minute (Api:RateLimitPerMinute)." },
                    cancellationToken).ConfigureAwait(false);
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (options.RateLimitPerMinute == 0)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }

                // Per user once signed in, else per address: one noisy client cannot starve the others.
                var caller = context.User.Identity?.IsAuthenticated == true ? $"user:{context.User.Identity.Name}" : $"ip:{context.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }
}
