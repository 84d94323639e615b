using System.Globalization;
using LogSentinel.Detect.Tuning;
using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Hosting;
using LogSentinel.QueryApi.Paging;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Tuning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace LogSentinel.QueryApi.Tuning;

/// <summary>
/// Detection tuning over the store's versioned tuning document: read it and its history, store a new version
/// (based on the version the operator read, so concurrent changes are refused, not lost), revert. Every change is
/// audited with who, when and why.
/// </summary>
internal static class TuningApi
{
    private static readonly string[] Sorts = ["version"];

    public static IEndpointRouteBuilder MapTuningApi(this IEndpointRouteBuilder routes)
    {
        var tuning = routes.MapGroup("/api/tuning").WithTags("Tuning");
        tuning.MapGet("/", CurrentAsync).RequireAuthorization(Policies.TuningRead).WithName("GetTuning");
        tuning.MapGet("/versions", HistoryAsync).RequireAuthorization(Policies.TuningRead).WithName("ListTuningVersions");
        tuning.MapGet("/versions/{version}", VersionAsync).RequireAuthorization(Policies.TuningRead).WithName("GetTuningVersion");
        tuning.MapPost("/", SaveAsync).RequireAuthorization(Policies.TuningWrite).WithName("SaveTuning");
        tuning.MapPost("/revert", RevertAsync).RequireAuthorization(Policies.TuningWrite).WithName("RevertTuning");
        tuning.MapGet("/keys", Keys).RequireAuthorization(Policies.TuningRead).WithName("ListTunableKeys");
        tuning.MapPost("/preview", PreviewAsync).RequireAuthorization(Policies.TuningPreview).WithName("PreviewTuning");
        return routes;
    }

    /// <summary>The threshold keys a tuning document may set, with this process's configured values (as <c>tune keys</c> lists them).</summary>
    private static Ok<List<TunableKeyView>> Keys(HostedSettings settings) =>
        TypedResults.Ok(TunableSettings.List(settings.Detection).Select(k => new TunableKeyView(k.Key, k.Value, AppliedTuning.IsAgencyScopable(k.Key))).ToList());

    private static async Task<Ok<TuningVersionView>> CurrentAsync(ILogStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(TuningVersionView.From(await store.Tuning.GetCurrentAsync(cancellationToken).ConfigureAwait(false)));

    private static async Task<Results<Ok<TuningVersionView>, NotFound<ProblemDetails>>> VersionAsync(ulong version, ILogStore store, CancellationToken cancellationToken) =>
        await store.Tuning.GetVersionAsync(version, cancellationToken).ConfigureAwait(false) is { } found
            ? TypedResults.Ok(TuningVersionView.From(found))
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No such tuning version.", Detail = $"There is no tuning version {version}." });

    private static async Task<Results<Ok<ListPage<TuningVersionView>>, ValidationProblem>> HistoryAsync(
        [AsParameters] PageRequest request, ILogStore store, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var paging = Paging.Paging.Read(request, options.Value, Sorts, "version", true, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var history = await store.Tuning.GetHistoryAsync(cancellationToken).ConfigureAwait(false);
        var ordered = paging.Descending ? history : history.Reverse();
        return TypedResults.Ok(new ListPage<TuningVersionView>(
            [.. ordered.Skip(paging.Offset).Take(paging.PageSize).Select(TuningVersionView.From)], history.Count, paging.Page, paging.PageSize));
    }

    private static async Task<Results<Ok<TuningVersionView>, ValidationProblem, Conflict<ProblemDetails>>> SaveAsync(
        SaveTuningRequest request, HttpContext context, ILogStore store, Auditor auditor, HostedSettings settings)
    {
        if (request.Document is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["document"] = ["the whole new tuning document is required"] });
        }

        var change = string.IsNullOrWhiteSpace(request.Change) ? "changed through the API" : request.Change.Trim();
        return await WriteAsync(context, auditor, AuditActions.TuningChange, change, request.Reason, () =>
        {
            // Keys, kinds and ranges as the engine will apply them, against this process's configured detection settings.
            _ = AppliedTuning.Compile(settings.Detection, request.Document, request.BasedOn + 1);
            return store.Tuning.SaveAsync(
                new TuningChange(request.Document, request.BasedOn, context.UserName(), request.Reason?.Trim() ?? string.Empty, change), context.RequestAborted);
        }).ConfigureAwait(false);
    }

    private static Task<Results<Ok<TuningVersionView>, ValidationProblem, Conflict<ProblemDetails>>> RevertAsync(
        RevertTuningRequest request, HttpContext context, ILogStore store, Auditor auditor, HostedSettings settings) =>
        WriteAsync(context, auditor, AuditActions.TuningRevert, string.Create(CultureInfo.InvariantCulture, $"revert to {request.Version}"), request.Reason, async () =>
        {
            // The old content must still hold under today's configuration before it becomes current again.
            var old = await store.Tuning.GetVersionAsync(request.Version, context.RequestAborted).ConfigureAwait(false)
                ?? throw new TuningValidationException("version", string.Create(CultureInfo.InvariantCulture, $"there is no tuning version {request.Version}"));
            _ = AppliedTuning.Compile(settings.Detection, old.Document, request.BasedOn + 1);
            return await store.Tuning.RevertAsync(request.Version, request.BasedOn, context.UserName(), request.Reason?.Trim() ?? string.Empty, context.RequestAborted)
                .ConfigureAwait(false);
        });

    /// <summary>
    /// Replays the last days of stored events under the current and the proposed tuning; nothing is stored. One preview
    /// runs at a time (it replays days of events): a second one meanwhile gets 409.
    /// </summary>
    private static async Task<Results<Ok<TuningPreviewView>, ValidationProblem, Conflict<ProblemDetails>>> PreviewAsync(
        TuningPreviewRequest request, HttpContext context, ILogStore store, Auditor auditor, HostedSettings settings, TuningPreviewGate gate)
    {
        var days = request.Days ?? settings.Tuning.PreviewDays;
        if (days is < 1 or > 366)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [string.Create(CultureInfo.InvariantCulture, $"{days} is out of range (1 to 366)")] });
        }

        using var turn = gate.TryEnter();
        if (turn is null)
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "A preview is running.", Detail = "Another tuning preview is being computed; try again when it is done." });
        }

        var thresholds = request.Thresholds ?? [];
        TuningPreviewResult result;
        try
        {
            var current = await store.Tuning.GetCurrentAsync(context.RequestAborted).ConfigureAwait(false);
            var proposed = TuningProposal.Apply(request.Document ?? current.Document, thresholds);
            result = await TuningProposal.RunAsync(store, settings.Detection, proposed, days, progress: null, context.RequestAborted).ConfigureAwait(false);
        }
        catch (TuningValidationException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Field] = [ex.Message] });
        }

        var view = TuningPreviewView.Of(result, days, thresholds);
        var tried = thresholds.Count == 0 ? (request.Document is null ? "current tuning" : "a proposed document")
            : string.Join(' ', thresholds.Select(t => $"{t.Key}={t.Value}{(string.IsNullOrWhiteSpace(t.Agency) ? string.Empty : $" (agency {t.Agency})")}"));
        await auditor.RecordAsync(context, AuditActions.TuningPreview, string.Create(CultureInfo.InvariantCulture, $"tuning v{result.CurrentVersion}"),
            string.Create(CultureInfo.InvariantCulture, $"{tried} over {days} days: {view.ProposedAlerts} alerts (current {view.CurrentAlerts})")).ConfigureAwait(false);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<TuningVersionView>, ValidationProblem, Conflict<ProblemDetails>>> WriteAsync(
        HttpContext context, Auditor auditor, string action, string change, string? reason, Func<Task<TuningVersion>> write)
    {
        TuningVersion written;
        try
        {
            written = await write().ConfigureAwait(false);
        }
        catch (TuningValidationException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Field] = [ex.Message] });
        }
        catch (TuningConflictException ex)
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "Tuning changed meanwhile.", Detail = ex.Message });
        }

        await auditor.RecordAsync(context, action, string.Create(CultureInfo.InvariantCulture, $"tuning v{written.Version}"), $"{change}; why: {reason}").ConfigureAwait(false);
        return TypedResults.Ok(TuningVersionView.From(written));
    }
}

/// <summary>A new whole tuning document, the version it was made on, and why.</summary>
public sealed record SaveTuningRequest(TuningDocument? Document, ulong BasedOn, string? Reason, string? Change);

/// <summary>A threshold key tuning may set, its configured value and whether it may be set for one agency.</summary>
public sealed record TunableKeyView(string Key, string Configured, bool AgencyScope);

/// <summary>Restore <c>version</c>'s content as a new version, made on <c>based_on</c>.</summary>
public sealed record RevertTuningRequest(ulong Version, ulong BasedOn, string? Reason);

/// <summary>One version of the tuning document.</summary>
public sealed record TuningVersionView(ulong Version, DateTimeOffset WrittenAt, string Actor, string Reason, string Change, ulong BasedOn, ulong RevertedTo, TuningDocument Document)
{
    internal static TuningVersionView From(TuningVersion v) =>
        new(v.Version, ApiTime.Local(v.WrittenAt), v.Actor, v.Reason, v.Change, v.BasedOn, v.RevertedTo, v.Document);
}
