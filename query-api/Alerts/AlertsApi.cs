using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Activity;
using LogSentinel.Store.Alerts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LogSentinel.QueryApi.Alerts;

/// <summary>The alert queue, an alert's evidence and raw events, and the analyst workflow.</summary>
internal static class AlertsApi
{
    private static readonly string[] AlertSorts = ["last_seen", "first_seen", "score", "type", "entity", "state", "occurrences"];
    private static readonly string[] EventSorts = ["at"];
    private static readonly string[] HistorySorts = ["at"];

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder routes)
    {
        var alerts = routes.MapGroup("/api/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAsync).RequireAuthorization(Policies.AlertsRead).WithName("ListAlerts");
        alerts.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.AlertsEvidence).WithName("GetAlert");
        alerts.MapGet("/{id:guid}/events", EventsAsync).RequireAuthorization(Policies.AlertsEvidence).WithName("GetAlertEvents");
        alerts.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(Policies.AlertsEvidence).WithName("GetAlertHistory");
        alerts.MapPost("/{id:guid}/transition", TransitionAsync).RequireAuthorization(Policies.AlertsWrite).WithName("TransitionAlert");
        alerts.MapPost("/{id:guid}/assignee", AssignAsync).RequireAuthorization(Policies.AlertsWrite).WithName("AssignAlert");
        alerts.MapPost("/{id:guid}/notes", NoteAsync).RequireAuthorization(Policies.AlertsWrite).WithName("AddAlertNote");
        alerts.MapPost("/bulk", BulkAsync).RequireAuthorization(Policies.AlertsWrite).WithName("BulkAlertAction");
        alerts.MapGet("/records", RecordsAsync).RequireAuthorization(Policies.AlertsEvidence).WithName("ExportAlertRecords").ExcludeFromDescription();
        return routes;
    }

    private static async Task<Results<Ok<ListPage<AlertSummary>>, ValidationProblem>> ListAsync(
        [AsParameters] AlertListQuery query, ILogStore store, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Paging.Read(
            new PageRequest { Page = query.Page, PageSize = query.PageSize, Sort = query.Sort, Order = query.Order }, options.Value, AlertSorts, "last_seen", true, errors);
        if (query.State is not null && !AlertStates.All.Contains(query.State, StringComparer.Ordinal))
        {
            errors["state"] = [$"'{query.State}' is not one of {string.Join(", ", AlertStates.All)}"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var search = new AlertSearch
        {
            Type = query.Type, Severity = query.Severity, State = query.State, Agency = query.Agency, EntityKind = query.EntityKind, Entity = query.Entity,
            Assignee = query.Assignee, Text = query.Text, Since = query.Since, Until = query.Until, Sort = SortOf(paging.Sort), Descending = paging.Descending,
            Offset = paging.Offset, Limit = paging.PageSize,
        };
        var page = await store.Alerts.SearchAsync(search, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new ListPage<AlertSummary>([.. page.Items.Select(AlertSummary.From)], page.Total, paging.Page, paging.PageSize));
    }

    private static async Task<Results<Ok<AlertDetail>, NotFound<ProblemDetails>>> GetAsync(Guid id, HttpContext context, ILogStore store, Auditor auditor)
    {
        var alert = await store.Alerts.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (alert is null)
        {
            return NotFound(id);
        }

        await auditor.RecordAsync(context, AuditActions.EvidenceRead, id.ToString("D"), $"{alert.Type} {alert.EntityKind} {alert.Entity}").ConfigureAwait(false);
        return TypedResults.Ok(AlertDetail.From(alert));
    }

    private static async Task<Results<Ok<ListPage<EventView>>, NotFound<ProblemDetails>, ValidationProblem>> EventsAsync(
        Guid id, [AsParameters] PageRequest request, HttpContext context, ILogStore store, Auditor auditor, IOptions<ApiOptions> options)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Paging.Read(request, options.Value, EventSorts, "at", false, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var alert = await store.Alerts.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (alert is null)
        {
            return NotFound(id);
        }

        await auditor.RecordAsync(context, AuditActions.EventsRead, id.ToString("D"), $"page {paging.Page}").ConfigureAwait(false);
        var query = new RawEventQuery(alert.EntityKind, alert.Entity, new DateTimeOffset(alert.WindowStart, TimeSpan.Zero), new DateTimeOffset(alert.WindowEnd, TimeSpan.Zero))
        {
            Descending = paging.Descending, Offset = paging.Offset, Limit = paging.PageSize,
        };
        var page = await store.Activity.GetEventsAsync(query, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ListPage<EventView>([.. page.Items.Select(ToView)], page.Total, paging.Page, paging.PageSize));
    }

    private static async Task<Results<Ok<ListPage<HistoryItem>>, NotFound<ProblemDetails>, ValidationProblem>> HistoryAsync(
        Guid id, [AsParameters] PageRequest request, ILogStore store, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Paging.Read(request, options.Value, HistorySorts, "at", false, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await store.Alerts.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return NotFound(id);
        }

        var history = await store.Alerts.GetHistoryAsync(id, cancellationToken).ConfigureAwait(false);
        var ordered = paging.Descending ? history.Reverse() : history;
        var items = ordered.Skip(paging.Offset).Take(paging.PageSize).Select(HistoryItem.From).ToList();
        return TypedResults.Ok(new ListPage<HistoryItem>(items, history.Count, paging.Page, paging.PageSize));
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> TransitionAsync(
        Guid id, TransitionRequest request, HttpContext context, AlertWorkflow workflow) =>
        Outcome(id, await workflow.TransitionAsync(context, id, request.State, request.Disposition, request.Note).ConfigureAwait(false), "state");

    private static async Task<Results<NoContent, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> AssignAsync(
        Guid id, AssignRequest request, HttpContext context, AlertWorkflow workflow) =>
        Outcome(id, await workflow.AssignAsync(context, id, request.Assignee).ConfigureAwait(false), "assignee");

    private static async Task<Results<NoContent, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> NoteAsync(
        Guid id, NoteRequest request, HttpContext context, AlertWorkflow workflow) =>
        Outcome(id, await workflow.NoteAsync(context, id, request.Text).ConfigureAwait(false), "text");

    private static async Task<Results<Ok<BulkResult>, ValidationProblem>> BulkAsync(BulkRequest request, HttpContext context, AlertWorkflow workflow)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Ids is null || request.Ids.Count is 0 or > 1000)
        {
            errors["ids"] = ["give 1 to 1000 alert ids"];
        }

        if (request.Action is not ("transition" or "assign"))
        {
            errors["action"] = [$"'{request.Action}' is not transition or assign"];
        }
        else if (request.Action == "transition" && AlertWorkflow.CheckTransition(request.State, request.Disposition) is { } problem)
        {
            errors["state"] = [problem];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var changed = new List<Guid>();
        var failed = new List<BulkFailure>();
        foreach (var id in request.Ids!.Distinct())
        {
            var error = request.Action == "transition"
                ? await workflow.TransitionAsync(context, id, request.State, request.Disposition, request.Note).ConfigureAwait(false)
                : await workflow.AssignAsync(context, id, request.Assignee).ConfigureAwait(false);
            if (error is null)
            {
                changed.Add(id);
            }
            else
            {
                failed.Add(new BulkFailure(id, error.Message));
            }
        }

        return TypedResults.Ok(new BulkResult(changed, failed));
    }

    /// <summary>Whole alert rows as the store holds them, for <c>logsentinel alerts</c> working through a running server.</summary>
    private static async Task<Ok<IReadOnlyList<AlertRecord>>> RecordsAsync(
        [FromQuery(Name = "type")] string? type, [FromQuery(Name = "since")] DateTimeOffset? since, [FromQuery(Name = "until")] DateTimeOffset? until,
        HttpContext context, ILogStore store, Auditor auditor)
    {
        await auditor.RecordAsync(context, AuditActions.RecordsRead, type ?? "*", $"since={since:O} until={until:O}").ConfigureAwait(false);
        var records = await store.Alerts.ListAsync(new AlertQuery(type, since, until), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(records);
    }

    private static Results<NoContent, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>> Outcome(Guid id, WorkflowError? error, string field) =>
        error?.Kind switch
        {
            null => TypedResults.NoContent(),
            WorkflowErrorKind.NotFound => NotFound(id),
            WorkflowErrorKind.Conflict => TypedResults.Conflict(new ProblemDetails { Title = "The alert cannot make this move.", Detail = error.Message, Status = 409 }),
            _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error.Message] }),
        };

    private static NotFound<ProblemDetails> NotFound(Guid id) =>
        TypedResults.NotFound(new ProblemDetails { Title = "No such alert.", Detail = $"There is no alert {id}.", Status = 404 });

    internal static EventView ToView(RawEvent e) =>
        new(ApiTime.Local(e.At), e.Table, e.EventKey, e.Account, e.Agency, e.ClientIp, e.Action, e.Outcome, e.UserAgent, e.CitizenRef, e.CitizenProvince);

    private static AlertSort SortOf(string sort) => sort switch
    {
        "first_seen" => AlertSort.FirstSeen,
        "score" => AlertSort.Score,
        "type" => AlertSort.Type,
        "entity" => AlertSort.Entity,
        "state" => AlertSort.State,
        "occurrences" => AlertSort.Occurrences,
        _ => AlertSort.LastSeen,
    };
}
