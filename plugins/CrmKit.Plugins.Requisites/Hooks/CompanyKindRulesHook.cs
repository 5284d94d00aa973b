using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Plugins.Requisites.Identifiers;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;

namespace CrmKit.Plugins.Requisites.Hooks;

/// <summary>
/// The rules that tie a company's requisites to its kind, checked on the record as it will be (the stored values with
/// the change applied): a legal entity has a 10-digit INN, an OGRN and may have a KPP, no OGRNIP; an individual
/// entrepreneur has a 12-digit INN and an OGRNIP, no KPP and no OGRN. A company without a kind gets the one its INN
/// says. Each identifier's own check is the field type's; this hook only reports what does not fit the kind.
/// </summary>
internal sealed class CompanyKindRulesHook : IRecordHook
{
    /// <summary>The code of the refusal; every broken rule is one error inside it.</summary>
    public const string ValidationFailed = "validation.failed";

    /// <inheritdoc />
    public RecordHookDescriptor Descriptor { get; } = new()
    {
        Name = "ru.requisites.company-kind-rules",
        Entity = CompanyRequisiteFields.Entity,
        Stage = PipelineStage.PreValidation,
        Operations = [RecordOperation.Create, RecordOperation.Update],
        ChangedFields =
        [
            CompanyRequisiteFields.Kind, CompanyRequisiteFields.Inn, CompanyRequisiteFields.Kpp,
            CompanyRequisiteFields.Ogrn, CompanyRequisiteFields.Ogrnip,
        ],
    };

    /// <inheritdoc />
    public ValueTask ExecuteAsync(RecordHookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inn = Text(context, CompanyRequisiteFields.Inn);
        var kind = Text(context, CompanyRequisiteFields.Kind);
        if (kind is null && inn is not null && RussianIdentifiers.IsDigits(inn) && inn.Length is 10 or 12)
        {
            kind = inn.Length == 10 ? CompanyRequisiteFields.LegalEntity : CompanyRequisiteFields.IndividualEntrepreneur;
            context.Target[CompanyRequisiteFields.Kind] = kind;
        }

        var errors = new List<CrmError>();
        if (kind == CompanyRequisiteFields.LegalEntity)
        {
            CheckInnLength(inn, IdentifierKind.LegalEntityInn, errors);
            Absent(context, CompanyRequisiteFields.Ogrnip, RequisitesMessages.OgrnipOfLegalEntity(), errors);
        }
        else if (kind == CompanyRequisiteFields.IndividualEntrepreneur)
        {
            CheckInnLength(inn, IdentifierKind.IndividualInn, errors);
            Absent(context, CompanyRequisiteFields.Kpp, RequisitesMessages.KppOfEntrepreneur(), errors);
            Absent(context, CompanyRequisiteFields.Ogrn, RequisitesMessages.OgrnOfEntrepreneur(), errors);
        }

        if (errors.Count > 0)
        {
            throw new CrmException(CrmErrorKind.Validation, ValidationFailed, RequisitesMessages.RequisitesDoNotFit(), errors);
        }

        return ValueTask.CompletedTask;
    }

    private static void CheckInnLength(string? inn, IdentifierKind kind, List<CrmError> errors)
    {
        // Only a length that contradicts the kind is this hook's business; other faults are the field type's.
        if (inn is not null && RussianIdentifiers.IsDigits(inn) && inn.Length is 10 or 12 &&
            IdentifierErrors.Check(kind, inn) == IdentifierError.Length)
        {
            errors.Add(IdentifierErrors.ToError(kind, IdentifierError.Length, "/" + CompanyRequisiteFields.Inn));
        }
    }

    private static void Absent(RecordHookContext context, string field, (string Code, LocalizedText Message) rule, List<CrmError> errors)
    {
        if (Text(context, field) is not null)
        {
            errors.Add(new CrmError(rule.Code, "/" + field, rule.Message));
        }
    }

    /// <summary>The field's value after the change: the written one when the change has it, else the stored one.</summary>
    private static string? Text(RecordHookContext context, string field)
    {
        var node = context.Target.TryGetPropertyValue(field, out var written) ? written : context.PreImage?.Values[field];
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = IdentifierText.Compact(value.GetValue<string>());
        return text.Length == 0 ? null : text;
    }
}
