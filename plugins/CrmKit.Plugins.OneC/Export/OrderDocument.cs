namespace CrmKit.Plugins.OneC.Export;

/// <summary>One CommerceML <c>Документ</c> as the writer needs it: every value already exact and rounded.</summary>
internal sealed class OrderDocument
{
    public required string Id { get; init; }

    public required string Number { get; init; }

    public required DateTimeOffset Date { get; init; }

    /// <summary><c>Заказ товара</c> or <c>Счет на оплату</c>.</summary>
    public required string Operation { get; init; }

    public string Currency { get; init; } = "RUB";

    public required Counterparty Buyer { get; init; }

    public string? Comment { get; init; }

    public required IReadOnlyList<OrderLine> Lines { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Requisites { get; init; } = [];

    /// <summary>The document's <c>Сумма</c>: the sum of the lines' totals (VAT included either way).</summary>
    public decimal Sum => Lines.Sum(l => l.Total);

    /// <summary>The VAT per rate over the lines, in first-seen order, with whether it is included in the amounts.</summary>
    public IEnumerable<(bool Included, decimal Amount, string Rate)> Taxes() =>
        Lines.Where(l => l.VatRate is not null)
            .GroupBy(l => (l.VatIncluded, l.VatRate!))
            .Select(g => (g.Key.VatIncluded, g.Sum(l => l.Vat), g.Key.Item2));
}

/// <summary>A buyer: a company (legal entity or sole trader) or a contact (a person).</summary>
internal sealed class Counterparty
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>ОфициальноеНаименование for a legal entity, ПолноеНаименование for a person or sole trader.</summary>
    public required string FullName { get; init; }

    /// <summary>A legal entity (РеквизитыЮрЛица); otherwise a person or sole trader (РеквизитыФизЛица).</summary>
    public bool IsLegalEntity { get; init; }

    public string? Inn { get; init; }

    public string? Kpp { get; init; }

    public string? Ogrn { get; init; }

    public string? LegalAddress { get; init; }

    public string? LastName { get; init; }

    public string? FirstName { get; init; }

    public string? MiddleName { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Website { get; init; }
}

/// <summary>One <c>Товар</c> of a document.</summary>
internal sealed class OrderLine
{
    public required string Id { get; init; }

    public string? Sku { get; init; }

    public required string Name { get; init; }

    public string UnitCode { get; init; } = "796";

    public string UnitName { get; init; } = "шт";

    public required decimal Quantity { get; init; }

    public required decimal Price { get; init; }

    public decimal DiscountPercent { get; init; }

    public decimal Discount { get; init; }

    /// <summary>quantity × price − discount, rounded.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The VAT rate as written in <c>Ставка</c> ("20", "Без налога"); null when the line carries none.</summary>
    public string? VatRate { get; init; }

    public bool VatIncluded { get; init; } = true;

    public decimal Vat { get; init; }

    /// <summary>Товар or Услуга (ВидНоменклатуры/ТипНоменклатуры).</summary>
    public string Kind { get; init; } = "Товар";

    /// <summary>What the buyer pays: the amount, plus VAT when it is not included.</summary>
    public decimal Total => VatIncluded ? Amount : Amount + Vat;
}
