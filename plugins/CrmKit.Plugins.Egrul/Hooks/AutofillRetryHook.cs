using System.Text.Json.Nodes;
using CrmKit.Plugins.Egrul.Company;
using CrmKit.Plugins.Egrul.Lookup;
using CrmKit.Plugins.Requisites.Identifiers;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Records;
using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.Egrul.Hooks;

/// <summary>
/// Finishes an autofill that had to wait: after the commit of a company whose <c>egrul_sync_state</c> is
/// <c>pending</c>, it runs through the host's outbox, asks the registry and fills the company (only what is still
/// empty or the placeholder name). While DaData stays down the hook fails, and the outbox retries it with exponential
/// backoff (<c>CrmKit:Outbox:MaxAttempts</c>, <c>BaseDelay</c>, <c>MaxDelay</c>); a job that used up its attempts is
/// dead and can be requeued by an administrator, and the workflow action <c>ru.egrul.refresh</c> fills the company on
/// demand.
/// </summary>
internal sealed class AutofillRetryHook(RegistryLookupService lookups, IRecordService records, TimeProvider time, ILogger<AutofillRetryHook> logger)
    : IRecordHook
{
    /// <inheritdoc />
    public RecordHookDescriptor Descriptor { get; } = new()
    {
        Name = "ru.egrul.autofill-retry",
        Entity = CompanyFields.Entity,
        Stage = PipelineStage.PostCommit,
        Operations = [RecordOperation.Create, RecordOperation.Update],
        ChangedFields = [CompanyFields.SyncState, CompanyFields.Inn],
    };

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.PostImage is not { } saved || Text(saved.Values, CompanyFields.SyncState) != CompanyFields.SyncPending)
        {
            return;
        }

        var inn = Text(saved.Values, CompanyFields.Inn);
        if (inn is null || RussianIdentifiers.CheckInn(inn) != IdentifierError.None)
        {
            return;
        }

        // Unavailable (still down) propagates: the outbox retries the job later.
        var entries = await lookups.LookupAsync(inn, Text(saved.Values, CompanyFields.Kpp), RegistryBranchType.HeadOffice, bypassCache: false, cancellationToken)
            .ConfigureAwait(false);

        // The record as it is now: a user may have changed it since the save that queued this job.
        var latest = await records.GetAsync(context.Principal, CompanyFields.Entity, context.RecordId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (latest is null || Text(latest.Values, CompanyFields.SyncState) != CompanyFields.SyncPending)
        {
            return;
        }

        var now = time.GetUtcNow();
        JsonObject changes;
        string state;
        if (entries.Count == 0)
        {
            state = CompanyFields.SyncNotFound;
            changes = new JsonObject { [CompanyFields.SyncState] = state, [CompanyFields.CheckedAt] = CompanyFiller.Timestamp(now) };
        }
        else
        {
            state = CompanyFields.SyncOk;
            changes = CompanyFiller.Changes(entries[0], CompanyFiller.Merged([], latest.Values), overwrite: false, overwriteName: false, now);
        }

        await records.UpdateAsync(context.Principal, CompanyFields.Entity, context.RecordId, changes, latest.Version, cancellationToken).ConfigureAwait(false);
        EgrulLog.AutofillCompleted(logger, context.RecordId, inn, state);
    }

    private static string? Text(JsonObject values, string field) => CompanyFiller.Merged([], values)(field);
}
