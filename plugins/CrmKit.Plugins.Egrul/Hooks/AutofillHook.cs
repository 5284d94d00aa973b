using CrmKit.Plugins.Egrul.Company;
using CrmKit.Plugins.Egrul.Lookup;
using CrmKit.Plugins.Egrul.Settings;
using CrmKit.Plugins.Requisites.Identifiers;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Settings;
using Microsoft.Extensions.Logging;

namespace CrmKit.Plugins.Egrul.Hooks;

/// <summary>
/// Autofill (setting <c>autofill</c>, on by default): a company saved with a valid INN and no name is filled from the
/// registry before it is validated — name, legal name, kind, KPP, OGRN/OGRNIP, OKPO, legal address, director, status
/// and the liquidated/bankrupt flag. What the user typed stays. The save never fails because of the registry: when
/// DaData is down (or slower than <c>autofillTimeoutSeconds</c>) the company is saved with the name <c>ИНН …</c> and
/// <c>egrul_sync_state = pending</c>, and <see cref="AutofillRetryHook"/> fills it later; an INN the registry does
/// not know gives <c>not_found</c>.
/// </summary>
internal sealed class AutofillHook(RegistryLookupService lookups, IModuleSettings moduleSettings, TimeProvider time, ILogger<AutofillHook> logger)
    : IRecordHook
{
    /// <inheritdoc />
    public RecordHookDescriptor Descriptor { get; } = new()
    {
        Name = "ru.egrul.autofill",
        Entity = CompanyFields.Entity,
        Stage = PipelineStage.PreValidation,
        Operations = [RecordOperation.Create, RecordOperation.Update],
        ChangedFields = [CompanyFields.Inn, CompanyFields.Name],

        // Before the requisites plugin's kind rules, so that they check the filled-in record.
        Order = -100,
    };

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = EgrulSettings.Read(moduleSettings);
        if (!settings.Autofill)
        {
            return;
        }

        var current = CompanyFiller.Merged(context.Target, context.PreImage?.Values);
        var inn = current(CompanyFields.Inn) is { } typed ? IdentifierText.Compact(typed) : null;
        if (inn is null || RussianIdentifiers.CheckInn(inn) != IdentifierError.None || !string.IsNullOrWhiteSpace(current(CompanyFields.Name)))
        {
            return;
        }

        var kpp = current(CompanyFields.Kpp) is { } k && RussianIdentifiers.CheckKpp(IdentifierText.Compact(k)) == IdentifierError.None
            ? IdentifierText.Compact(k)
            : null;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.AutofillTimeout);
        IReadOnlyList<RegistryCompany> entries;
        try
        {
            entries = await lookups.LookupAsync(inn, kpp, kpp is null ? RegistryBranchType.HeadOffice : null, bypassCache: false, budget.Token)
                .ConfigureAwait(false);
        }
        catch (CrmException e) when (e.Kind == CrmErrorKind.Unavailable)
        {
            EgrulLog.AutofillPostponed(logger, context.RecordId, inn, e.Code);
            MarkPending(context, inn);
            return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            EgrulLog.AutofillPostponed(logger, context.RecordId, inn, "no answer within the autofill timeout");
            MarkPending(context, inn);
            return;
        }

        var now = time.GetUtcNow();
        if (entries.Count == 0)
        {
            context.Target[CompanyFields.Name] = CompanyFiller.PlaceholderName(inn);
            context.Target[CompanyFields.SyncState] = CompanyFields.SyncNotFound;
            context.Target[CompanyFields.CheckedAt] = CompanyFiller.Timestamp(now);
            return;
        }

        foreach (var (field, value) in CompanyFiller.Changes(entries[0], current, overwrite: false, overwriteName: false, now))
        {
            context.Target[field] = value?.DeepClone();
        }
    }

    private static void MarkPending(RecordHookContext context, string inn)
    {
        context.Target[CompanyFields.Name] = CompanyFiller.PlaceholderName(inn);
        context.Target[CompanyFields.SyncState] = CompanyFields.SyncPending;
    }
}
