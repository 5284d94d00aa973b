using CrmKit.Sdk.Builders;

namespace CrmKit.Core.StandardModel;

/// <content>The contact entity.</content>
public sealed partial class StandardCrmModule
{
    private static void DefineContact(EntityBuilder entity)
    {
        entity.Label("Contact", "Контакт").PluralLabel("Contacts", "Контакты");
        entity
            .String("first_name", f => f.Label("First name", "Имя").MaxLength(100).Required())
            .String("last_name", f => f.Label("Last name", "Фамилия").MaxLength(100).Indexed())
            .String("middle_name", f => f.Label("Middle name", "Отчество").MaxLength(100))
            .Email("email", f => f.Label("E-mail", "Электронная почта").Indexed())
            .Phone("phone", f => f.Label("Phone", "Телефон").Indexed())
            .String("position", f => f.Label("Job title", "Должность"));
        Link(entity, "company", StandardEntities.Company, "Company", "Компания");
        entity
            .Date("birthday", f => f.Label("Birthday", "День рождения"))
            .Enum("source", f => SourceOptions(f.Label("Source", "Источник")));
        ContactChannelFields(entity);
    }
}
