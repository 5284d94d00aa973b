using CrmKit.Plugins.Requisites.FieldTypes;
using CrmKit.Plugins.Requisites.Hooks;
using CrmKit.Plugins.Requisites.Identifiers;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Requisites;

/// <summary>
/// The requisites plugin (<c>ru.requisites</c>): field types for Russian company identifiers with the FNS and Bank of
/// Russia check rules (INN, KPP, OGRN, OGRNIP, BIK, OKPO, bank accounts checked with their BIK), and the requisites of
/// the standard company — legal entities and individual entrepreneurs — with the rules that tie them together.
/// </summary>
public sealed class RequisitesModule : ICrmModule
{
    /// <summary>The plugin id.</summary>
    public const string PluginId = "ru.requisites";

    /// <inheritdoc />
    public string Id => PluginId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.FieldTypes.Add(new IdentifierFieldType(RequisitesFieldTypes.Inn, IdentifierKind.Inn, 12, LocalizedText.Of("INN", "ИНН")));
        builder.FieldTypes.Add(new IdentifierFieldType(RequisitesFieldTypes.Kpp, IdentifierKind.Kpp, 9, LocalizedText.Of("KPP", "КПП")));
        builder.FieldTypes.Add(new IdentifierFieldType(RequisitesFieldTypes.Ogrn, IdentifierKind.Ogrn, 13, LocalizedText.Of("OGRN", "ОГРН")));
        builder.FieldTypes.Add(new IdentifierFieldType(RequisitesFieldTypes.Ogrnip, IdentifierKind.Ogrnip, 15, LocalizedText.Of("OGRNIP", "ОГРНИП")));
        builder.FieldTypes.Add(new IdentifierFieldType(RequisitesFieldTypes.Bik, IdentifierKind.Bik, 9, LocalizedText.Of("BIK", "БИК")));
        builder.FieldTypes.Add(new IdentifierFieldType(RequisitesFieldTypes.Okpo, IdentifierKind.Okpo, 14, LocalizedText.Of("OKPO", "ОКПО")));
        builder.FieldTypes.Add(new BankAccountFieldType());
        builder.FieldTypes.Add(new BankAccountsFieldType());

        builder.Entities.Extend(CompanyRequisiteFields.Entity, company => company
            .Enum(CompanyRequisiteFields.Kind, f => f
                .Label("Kind", "Вид")
                .Option(CompanyRequisiteFields.LegalEntity, "Legal entity", "Юридическое лицо")
                .Option(CompanyRequisiteFields.IndividualEntrepreneur, "Individual entrepreneur", "Индивидуальный предприниматель")
                .Indexed())
            .Field(CompanyRequisiteFields.Inn, RequisitesFieldTypes.Inn, f => f.Label("INN", "ИНН").Indexed())
            .Field(CompanyRequisiteFields.Kpp, RequisitesFieldTypes.Kpp, f => f.Label("KPP", "КПП"))
            .Field(CompanyRequisiteFields.Ogrn, RequisitesFieldTypes.Ogrn, f => f.Label("OGRN", "ОГРН").Indexed())
            .Field(CompanyRequisiteFields.Ogrnip, RequisitesFieldTypes.Ogrnip, f => f.Label("OGRNIP", "ОГРНИП").Indexed())
            .Field(CompanyRequisiteFields.Okpo, RequisitesFieldTypes.Okpo, f => f.Label("OKPO", "ОКПО"))
            .Text(CompanyRequisiteFields.LegalAddress, f => f.Label("Legal address", "Юридический адрес").MaxLength(1000))
            .String(CompanyRequisiteFields.DirectorName, f => f.Label("Director", "Руководитель").MaxLength(300))
            .String(CompanyRequisiteFields.DirectorPost, f => f.Label("Director's post", "Должность руководителя").MaxLength(300))
            .Field(CompanyRequisiteFields.BankAccounts, RequisitesFieldTypes.BankAccounts, f => f.Label("Bank accounts", "Банковские счета")));

        builder.AddRecordHook<CompanyKindRulesHook>();
    }
}
