namespace CrmKit.Core.Tests.Templates;

/// <summary>The commercial-offer template of docs/templates.md (kept identical to the docs).</summary>
internal static class OfferExample
{
    public const string Source = """
        КОММЕРЧЕСКОЕ ПРЕДЛОЖЕНИЕ № {{ record.id | string.slice 0 8 }} от {{ now | date_format "long" }}

        Кому: {{ related.company.legal_name ?? related.company.name }}, {{ related.contact.first_name }} {{ related.contact.last_name }}

        {{ related.contact.first_name }}, благодарим за выбор нашей компании. По сделке «{{ record.title }}» предлагаем:

        Сумма: {{ record.amount | money }} ({{ record.amount | amount_in_words }})
        {{~ if record.expected_close_date }}
        Срок поставки: {{ record.expected_close_date | date_format "long" }}
        {{~ end }}
        Предложение действительно {{ 30 }} {{ 30 | plural "день" "дня" "дней" }}.

        С уважением,
        {{ user.name }}
        """;
}
