using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LogSentinel.QueryApi.Hosting;

/// <summary>The document's title, and the API-key scheme every protected operation uses.</summary>
internal sealed class OpenApiDocumentInfo : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "LogSentinel query API",
            Version = "v1",
            Description = "Alerts, evidence, entities, reference data and the audit trail. Authenticate with the X-Api-Key header (or a JWT bearer token when configured).",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
        {
            ["ApiKey"] = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key" },
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] }];
        return Task.CompletedTask;
    }
}
