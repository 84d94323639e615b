using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LogSentinel.QueryApi.Audit;

/// <summary>The audit trail, read-only: no endpoint changes or removes a line.</summary>
internal static class AuditApi
{
    private static readonly string[] Sorts = ["at"];

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/audit").WithTags("Audit").MapGet("/", ListAsync).RequireAuthorization(Policies.AuditRead).WithName("ListAudit");
        return routes;
    }

    private static async Task<Results<Ok<ListPage<AuditView>>, ValidationProblem>> ListAsync(
        [FromQuery(Name = "actor")] string? actor, [FromQuery(Name = "action")] string? action, [FromQuery(Name = "target")] string? target,
        [FromQuery(Name = "since")] DateTimeOffset? since, [FromQuery(Name = "until")] DateTimeOffset? until, [AsParameters] PageRequest request,
        ILogStore store, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Paging.Read(request, options.Value, Sorts, "at", true, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await store.Audit.SearchAsync(
            new AuditSearch { Actor = actor, Action = action, Target = target, Since = since, Until = until, Descending = paging.Descending, Offset = paging.Offset, Limit = paging.PageSize },
            cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ListPage<AuditView>([.. page.Items.Select(AuditView.From)], page.Total, paging.Page, paging.PageSize));
    }
}

/// <summary>One line of the audit trail.</summary>
public sealed record AuditView(DateTimeOffset At, string Actor, string Role, string Action, string Target, string Detail, string RemoteAddress)
{
    internal static AuditView From(AuditEntry e) => new(ApiTime.Local(e.At), e.Actor, e.Role, e.Action, e.Target, e.Detail, e.RemoteAddress);
}
