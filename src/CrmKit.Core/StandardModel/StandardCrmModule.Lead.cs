using CrmKit.Sdk.Builders;

namespace CrmKit.Core.StandardModel;

/// <content>The lead entity.</content>
public sealed partial class StandardCrmModule
{
    private static void DefineLead(EntityBuilder entity)
    {
        entity.Label("Lead", "Лид").PluralLabel("Leads", "Лиды");
        entity
            .String("title", f => f.Label("Title", "Название").Required())
            .String("contact_name", f => f.Label("Contact name", "Контактное лицо"))
            .String("company_name", f => f.Label("Company name", "Название компании"))
            // Indexed so that an incoming lead can be matched against existing ones.
            .Email("email", f => f.Label("E-mail", "Электронная почта").Indexed())
            .Phone("phone", f => f.Label("Phone", "Телефон").Indexed())
            .Enum("source", f => SourceOptions(f.Label("Source", "Источник")))
            .Enum("status", f => f
                .Label("Status", "Статус")
                .Option("new", "New", "Новый")
                .Option("in_progress", "In progress", "В работе")
                .Option("qualified", "Qualified", "Квалифицирован")
                .Option("disqualified", "Disqualified", "Дисквалифицирован")
                .Option("converted", "Converted", "Сконвертирован")
                .Indexed());
        ResponsibleUser(entity);
        entity
            .Money("expected_amount", f => f.Label("Expected amount", "Ожидаемая сумма"))
            .Text("description", f => f.Label("Description", "Описание"));
        LeadChannelFields(entity);
    }
}
