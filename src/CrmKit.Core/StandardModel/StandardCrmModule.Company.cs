using CrmKit.Sdk.Builders;

namespace CrmKit.Core.StandardModel;

/// <content>The company entity.</content>
public sealed partial class StandardCrmModule
{
    private static void DefineCompany(EntityBuilder entity)
    {
        entity.Label("Company", "Компания").PluralLabel("Companies", "Компании");
        entity
            .String("name", f => f.Label("Name", "Название").Required().Indexed())
            .String("legal_name", f => f.Label("Legal name", "Юридическое наименование").MaxLength(500))
            .Url("website", f => f.Label("Website", "Сайт"))
            .Email("email", f => f.Label("E-mail", "Электронная почта"))
            .Phone("phone", f => f.Label("Phone", "Телефон"))
            .Enum("industry", f => f
                .Label("Industry", "Отрасль")
                .Option("it", "Information technology", "Информационные технологии")
                .Option("manufacturing", "Manufacturing", "Производство")
                .Option("retail", "Retail", "Розничная торговля")
                .Option("wholesale", "Wholesale", "Оптовая торговля")
                .Option("construction", "Construction", "Строительство")
                .Option("finance", "Finance and insurance", "Финансы и страхование")
                .Option("healthcare", "Healthcare", "Здравоохранение")
                .Option("education", "Education", "Образование")
                .Option("logistics", "Transport and logistics", "Транспорт и логистика")
                .Option("agriculture", "Agriculture", "Сельское хозяйство")
                .Option("energy", "Energy", "Энергетика")
                .Option("real_estate", "Real estate", "Недвижимость")
                .Option("services", "Services", "Услуги")
                .Option("government", "Government", "Государственный сектор")
                .Option("other", "Other", "Другое"))
            .Integer("employees", f => f.Label("Employees", "Число сотрудников").Minimum(0))
            .Money("annual_revenue", f => f.Label("Annual revenue", "Годовая выручка"))
            .Text("address", f => f.Label("Address", "Адрес").MaxLength(1000))
            .Text("description", f => f.Label("Description", "Описание"));
    }
}
