using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.StandardModel;

/// <summary>
/// The standard CRM model: companies, contacts, leads, deals with a sales pipeline, activities and notes, each with
/// English and Russian labels. It is defined only through the public SDK builders, exactly as a plugin would define
/// it, so plugins can extend these entities with <see cref="IEntityRegistry.Extend"/>.
/// </summary>
/// <remarks>
/// The responsible user of leads, deals and activities (<c>responsible_user</c>) is a plain user id string for now;
/// it becomes a reference to a user once users and security arrive. Legal requisites (INN, KPP, OGRN) are not part of
/// the standard model: a requisites plugin adds them to <c>company</c>.
/// </remarks>
public sealed partial class StandardCrmModule : ICrmModule
{
    /// <summary>The module id.</summary>
    public const string ModuleId = "crmkit.standard";

    /// <summary>The longest user id <c>responsible_user</c> holds.</summary>
    public const int UserIdMaxLength = 128;

    /// <inheritdoc />
    public string Id => ModuleId;

    /// <inheritdoc />
    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entities.Define(StandardEntities.Company, DefineCompany);
        builder.Entities.Define(StandardEntities.Contact, DefineContact);
        builder.Entities.Define(StandardEntities.Lead, DefineLead);
        builder.Entities.Define(StandardEntities.Deal, DefineDeal);
        builder.Entities.Define(StandardEntities.Activity, DefineActivity);
        builder.Entities.Define(StandardEntities.Note, DefineNote);
    }

    // The user accountable for a record; a user id until users arrive with security.
    private static void ResponsibleUser(IFieldSetBuilder entity) =>
        entity.String("responsible_user", f => f
            .Label("Responsible user", "Ответственный")
            .MaxLength(UserIdMaxLength)
            .Indexed());

    // Where a contact or lead came from.
    private static void SourceOptions(FieldBuilder field) => field
        .Option("website", "Website", "Сайт")
        .Option("telegram", "Telegram", "Telegram")
        .Option("vk", "VK", "ВКонтакте")
        .Option("referral", "Referral", "Рекомендация")
        .Option("cold_call", "Cold call", "Холодный звонок")
        .Option("other", "Other", "Другое");

    // An optional link to a record of another standard entity; deleting that record clears the link.
    private static void Link(IFieldSetBuilder entity, string name, string target, string en, string ru) =>
        entity.Lookup(name, target, f => f
            .Label(en, ru)
            .References(target, LookupDeleteBehavior.SetNull)
            .Indexed());

    // The links activities and notes carry to the records they concern.
    private static void RegardingLinks(IFieldSetBuilder entity)
    {
        Link(entity, "company", StandardEntities.Company, "Company", "Компания");
        Link(entity, "contact", StandardEntities.Contact, "Contact", "Контакт");
        Link(entity, "deal", StandardEntities.Deal, "Deal", "Сделка");
        Link(entity, "lead", StandardEntities.Lead, "Lead", "Лид");
    }
}
