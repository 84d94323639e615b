using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LogSentinel.QueryApi.Health;

/// <summary>Liveness and readiness (anonymous, for load balancers), who the caller is, and the operators' SQL through a running process.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("/api").WithTags("Health");
        health.MapGet("/health", () => TypedResults.Ok(new HealthView("ok", string.Empty))).AllowAnonymous().WithName("Health");
        health.MapGet("/ready", ReadyAsync).AllowAnonymous().WithName("Ready");
        // The same probes at the root, where container orchestrators look for them (deploy/k8s/serve.yaml).
        routes.MapGet("/health", () => TypedResults.Ok(new HealthView("ok", string.Empty))).AllowAnonymous().ExcludeFromDescription();
        routes.MapGet("/ready", ReadyAsync).AllowAnonymous().ExcludeFromDescription();
        health.MapGet("/me", (HttpContext context) => TypedResults.Ok(new CallerView(context.UserName(), context.Role())))
            .RequireAuthorization(Policies.Authenticated).WithName("Me");
        health.MapPost("/store/query", QueryAsync).RequireAuthorization(Policies.StoreQuery).WithName("StoreQuery").Accepts<string>("text/plain").WithTags("Store");
        return routes;
    }

    private static async Task<Results<Ok<HealthView>, JsonHttpResult<HealthView>>> ReadyAsync(ILogStore store, CancellationToken cancellationToken)
    {
        try
        {
            var applied = await store.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
            return TypedResults.Ok(new HealthView("ready", $"schema version {applied.Max(m => m.Version)}"));
        }
#pragma warning disable CA1031 // Any failure to reach the store means "not ready"; the reason is reported.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return TypedResults.Json(new HealthView("unavailable", ex.Message), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QueryAsync(HttpContext context, ILogStore store, Auditor auditor)
    {
        using var reader = new StreamReader(context.Request.Body);
        var sql = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(sql))
        {
            return TypedResults.Problem("The request body must be the SQL statement.", statusCode: StatusCodes.Status400BadRequest);
        }

        await auditor.RecordAsync(context, AuditActions.StoreQuery, "store", sql.Length > 2000 ? sql[..2000] : sql).ConfigureAwait(false);
        try
        {
            var output = await store.RunOperatorQueryAsync(sql, context.RequestAborted).ConfigureAwait(false);
            return TypedResults.File(output, "text/plain; charset=utf-8");
        }
        catch (StoreException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The statement failed.");
        }
    }
}

/// <summary>Health of the service.</summary>
public sealed record HealthView(string Status, string Detail);

/// <summary>The signed-in user and role.</summary>
public sealed record CallerView(string Name, string Role);
