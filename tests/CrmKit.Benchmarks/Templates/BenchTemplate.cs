using System.Text.Json.Nodes;
using CrmKit.Core.Templates;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;
using Scriban.Runtime;

namespace CrmKit.Benchmarks.Templates;

/// <summary>The 1 KB document template of the benchmark and its model.</summary>
internal static class BenchTemplate
{
    public const string Source = """
        КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ № {{ record.number }} от {{ now | date_format "long" }}

        Кому: {{ record.company_name }}, {{ record.contact_name }}
        От: {{ user.name }}

        Уважаемый(ая) {{ record.contact_name }}! Благодарим за интерес к нашей компании. По сделке «{{ record.title }}»
        предлагаем следующие позиции:
        {{~ for line in record.lines }}
        {{ for.index + 1 }}. {{ line.name }} — {{ line.quantity }} {{ line.quantity | plural "штука" "штуки" "штук" }} по {{ line.price | money "RUB" }}
        {{~ end }}

        Итого: {{ record.amount | money }} ({{ record.amount | amount_in_words }}).
        НДС не облагается. Срок поставки — {{ record.delivery_days }} {{ record.delivery_days | plural "рабочий день" "рабочих дня" "рабочих дней" }}
        с момента оплаты. Предложение действительно до {{ record.valid_until | date_format "long" }}.

        Оплата: 100% предоплата по счёту. Доставка: по адресу заказчика, силами поставщика, включена в стоимость.
        Гарантия: 12 месяцев с даты подписания товарной накладной.

        С уважением,
        {{ user.name }}
        """;

    public static TemplateModel Model(CrmPrincipal user) => new()
    {
        Record = new CrmRecord
        {
            Entity = "deal",
            Id = Guid.CreateVersion7(),
            Version = 3,
            CreatedAt = DateTimeOffset.UtcNow,
            CreatedBy = "bench",
            UpdatedAt = DateTimeOffset.UtcNow,
            UpdatedBy = "bench",
            Values = JsonNode.Parse("""
                {"number": "КП-2025-0042", "title": "Поставка серверного оборудования", "company_name": "ООО «Ромашка»",
                 "contact_name": "Иван Петров", "amount": {"amount": 1234567.5, "currency": "RUB"}, "delivery_days": 14,
                 "valid_until": "2025-04-01",
                 "lines": [
                   {"name": "Сервер 1U", "quantity": 2, "price": 450000},
                   {"name": "Коммутатор 24 порта", "quantity": 1, "price": 120000},
                   {"name": "ИБП 3 кВА", "quantity": 3, "price": 65000},
                   {"name": "Монтаж", "quantity": 1, "price": 54567.5},
                   {"name": "Кабель UTP, бухта", "quantity": 5, "price": 3000}
                 ]}
                """)!.AsObject(),
        },
        User = user,
        Now = new DateTimeOffset(2025, 3, 5, 9, 0, 0, TimeSpan.Zero),
    };

    /// <summary>The same model as plain Scriban globals, for the direct contender.</summary>
    public static ScriptObject Globals(TemplateModel model)
    {
        var record = new ScriptObject();
        foreach (var (name, node) in model.Record!.Values)
        {
            record[name] = Core.Templates.TemplateScriptModel.FromNode(node);
        }

        return new ScriptObject
        {
            ["record"] = record,
            ["now"] = model.Now.UtcDateTime,
            ["user"] = new ScriptObject { ["name"] = model.User!.DisplayName },
        };
    }
}
