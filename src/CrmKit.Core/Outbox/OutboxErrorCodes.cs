namespace CrmKit.Core.Outbox;

/// <summary>The stable codes of outbox failures.</summary>
public static class OutboxErrorCodes
{
    /// <summary>No job with that id (404).</summary>
    public const string JobNotFound = "outbox.job_not_found";

    /// <summary>Only a dead job can be requeued (409).</summary>
    public const string NotDead = "outbox.not_dead";

    /// <summary>No handler is registered for the job's kind (the job fails and is retried).</summary>
    public const string NoHandler = "outbox.no_handler";

    /// <summary>Queueing jobs over the API needs <c>CrmKit:Outbox:DiagnosticJobs</c> (404 while it is off).</summary>
    public const string DiagnosticsDisabled = "outbox.diagnostics_disabled";

    /// <summary>Only diagnostic job kinds can be queued over the API (400).</summary>
    public const string KindNotAllowed = "outbox.kind_not_allowed";

    /// <summary>The hook of a post-commit job is no longer registered (the job completes with this note).</summary>
    public const string HookGone = "outbox.hook_gone";

    /// <summary>The entity of a post-commit job no longer exists (the job completes with this note).</summary>
    public const string EntityGone = "outbox.entity_gone";

    /// <summary>Not a job state: pending, running, done or dead (400).</summary>
    public const string InvalidState = "outbox.invalid_state";

    /// <summary>The failure of a <c>diagnostics.fail</c> job (on purpose; the job is retried, then dead-lettered).</summary>
    public const string DiagnosticFailure = "outbox.diagnostic_failure";
}
