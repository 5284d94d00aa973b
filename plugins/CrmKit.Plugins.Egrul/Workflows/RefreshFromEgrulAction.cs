using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Egrul.Company;
using CrmKit.Plugins.Egrul.Lookup;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Plugins.Egrul.Workflows;

/// <summary>
/// The workflow action <c>ru.egrul.refresh</c> ("refresh from EGRUL"): asks the registry again (past the cache) about
/// the run's company and overwrites its registry-owned fields — legal name, kind, KPP, OGRN/OGRNIP, OKPO, legal
/// address, director, status, the liquidated/bankrupt flag — keeping the display name unless <c>overwriteName</c> is
/// true. The output is <c>{"found", "status", "inactive"}</c>. A provider that is down fails the step as retryable.
/// </summary>
internal sealed class RefreshFromEgrulAction(RegistryLookupService lookups, IRecordService records, TimeProvider time) : IWorkflowAction
{
    /// <summary>The action type.</summary>
    public const string Type = "ru.egrul.refresh";

    /// <inheritdoc />
    public WorkflowActionDescriptor Descriptor { get; } = new(
        Type,
        LocalizedText.Of("Refresh from EGRUL", "Обновить из ЕГРЮЛ"),
        new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["overwriteName"] = new JsonObject { ["type"] = "boolean" } },
            ["additionalProperties"] = false,
        })
    {
        Description = LocalizedText.Of(
            "Reads the company's entry in EGRUL/EGRIP by its INN and updates its requisites, status and flag.",
            "Находит компанию в ЕГРЮЛ/ЕГРИП по ИНН и обновляет её реквизиты, статус и отметку о ликвидации."),
    };

    /// <inheritdoc />
    public async ValueTask<WorkflowActionResult> ExecuteAsync(WorkflowActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Record is not { } record || record.Entity != CompanyFields.Entity)
        {
            return WorkflowActionResult.Failure("ru.egrul.refresh works on a company record.", retryable: false);
        }

        var current = CompanyFiller.Merged([], record.Values);
        if (current(CompanyFields.Inn) is not { } inn)
        {
            return WorkflowActionResult.Failure("The company has no INN to look up.", retryable: false);
        }

        IReadOnlyList<RegistryCompany> entries;
        try
        {
            entries = await lookups.LookupAsync(inn, current(CompanyFields.Kpp), RegistryBranchType.HeadOffice, bypassCache: true, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (CrmException e) when (e.Kind == CrmErrorKind.Unavailable)
        {
            var retryAfter = e.Extensions.TryGetValue("retryAfter", out var seconds) && seconds is int s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
            return WorkflowActionResult.Failure($"{e.Code}: {e.Message}", retryable: e.Code != EgrulErrorCodes.NotConfigured && e.Code != EgrulErrorCodes.Unauthorized, retryAfter);
        }
        catch (CrmException e) when (e.Kind == CrmErrorKind.BadRequest)
        {
            return WorkflowActionResult.Failure($"{e.Code}: {string.Join("; ", e.Errors.Select(x => x.Code))}", retryable: false);
        }

        var now = time.GetUtcNow();
        var overwriteName = context.Parameters["overwriteName"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;
        if (entries.Count == 0)
        {
            await records.UpdateAsync(context.Principal, CompanyFields.Entity, record.Id,
                new JsonObject { [CompanyFields.SyncState] = CompanyFields.SyncNotFound, [CompanyFields.CheckedAt] = CompanyFiller.Timestamp(now) },
                expectedVersion: null, cancellationToken).ConfigureAwait(false);
            return WorkflowActionResult.Success(new JsonObject { ["found"] = false });
        }

        var entry = entries[0];
        var latest = await records.GetAsync(context.Principal, CompanyFields.Entity, record.Id, cancellationToken: cancellationToken).ConfigureAwait(false) ?? record;
        var changes = CompanyFiller.Changes(entry, CompanyFiller.Merged([], latest.Values), overwrite: true, overwriteName, now);
        await records.UpdateAsync(context.Principal, CompanyFields.Entity, record.Id, changes, latest.Version, cancellationToken).ConfigureAwait(false);
        return WorkflowActionResult.Success(new JsonObject
        {
            ["found"] = true,
            ["status"] = entry.Status,
            ["inactive"] = RegistryCompanyStatuses.IsWindingDown(entry.Status),
        });
    }
}
