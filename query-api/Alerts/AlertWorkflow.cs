using LogSentinel.QueryApi.Audit;
using LogSentinel.QueryApi.Security;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using Microsoft.AspNetCore.Http;

namespace LogSentinel.QueryApi.Alerts;

/// <summary>
/// The analyst workflow: checks a change against the state machine, records the new workflow fields, the history
/// line and the audit line. Each change reads the current state first; two analysts moving the same alert at the
/// same instant both succeed and the later write wins (both are in the history).
/// </summary>
internal sealed class AlertWorkflow(ILogStore store, Auditor auditor, TimeProvider time)
{
    /// <summary>Null when done, else why not (and whether the alert was missing).</summary>
    public async Task<WorkflowError?> TransitionAsync(HttpContext context, Guid id, string? state, string? disposition, string? note)
    {
        var problem = CheckTransition(state, disposition);
        if (problem is not null)
        {
            return new WorkflowError(problem, WorkflowErrorKind.Invalid);
        }

        var alert = await store.Alerts.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (alert is null)
        {
            return new WorkflowError($"no alert {id}", WorkflowErrorKind.NotFound);
        }

        if (!AlertStates.CanMove(alert.State, state!))
        {
            return new WorkflowError($"an alert in state '{alert.State}' cannot move to '{state}'", WorkflowErrorKind.Conflict);
        }

        var newDisposition = state == AlertStates.Closed ? disposition! : string.Empty;
        var detail = string.IsNullOrWhiteSpace(note) ? newDisposition : $"{newDisposition} {note.Trim()}".Trim();
        await WriteAsync(context, alert, state!, newDisposition, alert.Assignee, "transition", detail, AuditActions.Transition).ConfigureAwait(false);
        return null;
    }

    public async Task<WorkflowError?> AssignAsync(HttpContext context, Guid id, string? assignee)
    {
        var name = (assignee ?? string.Empty).Trim();
        if (name.Length > 200)
        {
            return new WorkflowError("assignee is longer than 200 characters", WorkflowErrorKind.Invalid);
        }

        var alert = await store.Alerts.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (alert is null)
        {
            return new WorkflowError($"no alert {id}", WorkflowErrorKind.NotFound);
        }

        await WriteAsync(context, alert, alert.State, alert.Disposition, name, "assign", name, AuditActions.Assign).ConfigureAwait(false);
        return null;
    }

    public async Task<WorkflowError?> NoteAsync(HttpContext context, Guid id, string? text)
    {
        var note = (text ?? string.Empty).Trim();
        if (note.Length is 0 or > 10_000)
        {
            return new WorkflowError("text must be 1 to 10000 characters", WorkflowErrorKind.Invalid);
        }

        var alert = await store.Alerts.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (alert is null)
        {
            return new WorkflowError($"no alert {id}", WorkflowErrorKind.NotFound);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await auditor.RecordAsync(context, AuditActions.Note, id.ToString("D"), note).ConfigureAwait(false);
        await store.Alerts.AppendHistoryAsync([new AlertHistoryEntry(id, now, context.UserName(), "note", alert.State, alert.State, note)], context.RequestAborted)
            .ConfigureAwait(false);
        return null;
    }

    /// <summary>Null when the requested move is well formed, else what is wrong with it.</summary>
    public static string? CheckTransition(string? state, string? disposition)
    {
        if (state is not (AlertStates.Investigating or AlertStates.Closed))
        {
            return $"state '{state}' is not investigating or closed";
        }

        if (state == AlertStates.Closed && !AlertStates.Dispositions.Contains(disposition ?? string.Empty, StringComparer.Ordinal))
        {
            return $"closing needs a disposition: one of {string.Join(", ", AlertStates.Dispositions)}";
        }

        if (state != AlertStates.Closed && !string.IsNullOrEmpty(disposition))
        {
            return "a disposition is given only when closing";
        }

        return null;
    }

    private async Task WriteAsync(HttpContext context, AlertRecord alert, string state, string disposition, string assignee, string action, string detail, string auditAction)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var user = context.UserName();

        // Audit first: a change that cannot be audited is not made.
        await auditor.RecordAsync(context, auditAction, alert.Id.ToString("D"), $"{alert.State} -> {state} {detail}".Trim()).ConfigureAwait(false);
        await store.Alerts.SetTriageAsync([new AlertTriage(alert.Id, state, disposition, assignee, user, now)], context.RequestAborted).ConfigureAwait(false);
        await store.Alerts.AppendHistoryAsync([new AlertHistoryEntry(alert.Id, now, user, action, alert.State, state, detail)], context.RequestAborted)
            .ConfigureAwait(false);
    }
}

/// <summary>Why a workflow change was refused.</summary>
internal sealed record WorkflowError(string Message, WorkflowErrorKind Kind);

internal enum WorkflowErrorKind
{
    Invalid,
    NotFound,
    Conflict,
}
