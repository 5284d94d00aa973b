using CrmKit.Sdk.Builders;

namespace CrmKit.Core.StandardModel;

/// <content>The deal entity and its pipeline.</content>
public sealed partial class StandardCrmModule
{
    private static void DefineDeal(EntityBuilder entity)
    {
        entity.Label("Deal", "Сделка").PluralLabel("Deals", "Сделки");
        entity
            .String("title", f => f.Label("Title", "Название").Required())
            .Enum("stage", f => f
                .Label("Stage", "Стадия")
                .Option("new", "New", "Новая")
                .Option("qualification", "Qualification", "Квалификация")
                .Option("proposal", "Proposal", "Коммерческое предложение")
                .Option("negotiation", "Negotiation", "Переговоры")
                .Option("won", "Won", "Выиграна")
                .Option("lost", "Lost", "Проиграна")
                .Required()
                .Indexed())
            .Money("amount", f => f.Label("Amount", "Сумма"))
            .Integer("probability", f => f.Label("Probability, %", "Вероятность, %").Minimum(0).Maximum(100))
            .Date("expected_close_date", f => f.Label("Expected close date", "Плановая дата закрытия").Indexed());
        ResponsibleUser(entity);
        Link(entity, "company", StandardEntities.Company, "Company", "Компания");
        Link(entity, "contact", StandardEntities.Contact, "Contact", "Контакт");
        Link(entity, "lead", StandardEntities.Lead, "Source lead", "Исходный лид");
        entity.Text("description", f => f.Label("Description", "Описание"));
    }
}
