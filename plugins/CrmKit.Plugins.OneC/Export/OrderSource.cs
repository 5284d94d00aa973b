using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Plugins.OneC.Export;

/// <summary>
/// Turns deals into CommerceML documents, a batch at a time: for every <see cref="BatchSize"/> deals it reads their
/// lines, buyers and products with a few <c>in (...)</c> queries, so memory holds one batch whatever the number of
/// deals, and the store is asked a handful of times per batch rather than per deal.
/// </summary>
internal sealed class OrderSource(IRecordService records, CrmPrincipal principal)
{
    public const int BatchSize = 200;

    private const int InLimit = 500;

    /// <summary>Deals that were not exported, with the reason.</summary>
    public Dictionary<Guid, string> Skipped { get; } = [];

    public async IAsyncEnumerable<OrderDocument> ReadAsync(
        IAsyncEnumerable<CrmRecord> deals, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<CrmRecord>(BatchSize);
        await foreach (var deal in deals.WithCancellation(cancellationToken))
        {
            batch.Add(deal);
            if (batch.Count == BatchSize)
            {
                foreach (var document in await ConvertAsync(batch, cancellationToken))
                {
                    yield return document;
                }

                batch.Clear();
            }
        }

        foreach (var document in await ConvertAsync(batch, cancellationToken))
        {
            yield return document;
        }
    }

    private async Task<List<OrderDocument>> ConvertAsync(List<CrmRecord> deals, CancellationToken cancellationToken)
    {
        var documents = new List<OrderDocument>(deals.Count * 2);
        if (deals.Count == 0)
        {
            return documents;
        }

        var lines = await ByIdsAsync(OneCEntities.DealLine, "deal", deals.Select(d => d.Id), "position", cancellationToken);
        var linesByDeal = lines.GroupBy(l => Values.Id(l.Values, "deal")!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var companies = (await ByIdsAsync(OneCEntities.Company, "id", deals.Select(d => Values.Id(d.Values, "company")).OfType<Guid>(), null, cancellationToken))
            .ToDictionary(c => c.Id);
        var contacts = (await ByIdsAsync(OneCEntities.Contact, "id", deals.Where(d => Values.Id(d.Values, "company") is null)
                .Select(d => Values.Id(d.Values, "contact")).OfType<Guid>(), null, cancellationToken))
            .ToDictionary(c => c.Id);
        var products = (await ByIdsAsync(OneCEntities.Product, "id", lines.Select(l => Values.Id(l.Values, "product")).OfType<Guid>(), null, cancellationToken))
            .ToDictionary(p => p.Id);

        foreach (var deal in deals)
        {
            var buyer = Buyer(deal, companies, contacts);
            if (buyer is null)
            {
                Skipped[deal.Id] = "The deal has neither a company nor a contact: 1C needs a buyer (Контрагент).";
                continue;
            }

            if (!linesByDeal.TryGetValue(deal.Id, out var dealLines) || dealLines.Count == 0)
            {
                Skipped[deal.Id] = "The deal has no lines: add products to it (deal_line).";
                continue;
            }

            var orderLines = dealLines.Select(l => Line(l, products)).ToList();
            documents.Add(Document(deal, buyer, orderLines, invoice: false));
            if (Values.Text(deal.Values, "invoice_number") is { Length: > 0 })
            {
                documents.Add(Document(deal, buyer, orderLines, invoice: true));
            }
        }

        return documents;
    }

    internal static OrderDocument Document(CrmRecord deal, Counterparty buyer, IReadOnlyList<OrderLine> lines, bool invoice)
    {
        var values = deal.Values;
        var currency = values["amount"] is JsonObject money && Values.Text(money, "currency") is { Length: 3 } code ? code : "RUB";
        var requisites = new List<KeyValuePair<string, string>>();
        if (Values.Text(values, "stage") is { } stage)
        {
            requisites.Add(new("Статус заказа", StageText(stage)));
        }

        requisites.Add(new("Сделка CRM", deal.Id.ToString("D")));
        if (invoice)
        {
            var date = Values.Text(values, "invoice_date") is { } text && DateOnly.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var day)
                ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                : deal.UpdatedAt;
            return new OrderDocument
            {
                Id = "inv-" + deal.Id.ToString("N"),
                Number = Values.Text(values, "invoice_number") ?? deal.Id.ToString("N")[..12],
                Date = date,
                Operation = "Счет на оплату",
                Currency = currency,
                Buyer = buyer,
                Comment = Values.Text(values, "title"),
                Lines = lines,
                Requisites = requisites,
            };
        }

        return new OrderDocument
        {
            Id = Values.Text(values, OneCEntities.OneCId) is { Length: > 0 and <= 40 } onecId ? onecId : deal.Id.ToString("D"),
            Number = Values.Text(values, "number") is { Length: > 0 } number ? number : deal.Id.ToString("N")[..12],
            Date = deal.CreatedAt,
            Operation = "Заказ товара",
            Currency = currency,
            Buyer = buyer,
            Comment = Values.Text(values, "title"),
            Lines = lines,
            Requisites = requisites,
        };
    }

    internal static Counterparty? Buyer(CrmRecord deal, IReadOnlyDictionary<Guid, CrmRecord> companies, IReadOnlyDictionary<Guid, CrmRecord> contacts)
    {
        if (Values.Id(deal.Values, "company") is { } companyId && companies.TryGetValue(companyId, out var company))
        {
            return FromCompany(company);
        }

        return Values.Id(deal.Values, "contact") is { } contactId && contacts.TryGetValue(contactId, out var contact)
            ? FromContact(contact)
            : null;
    }

    internal static Counterparty FromCompany(CrmRecord company)
    {
        var v = company.Values;
        var name = Values.Text(v, "name") ?? "—";
        var inn = Values.Text(v, "inn")?.Trim();
        return new Counterparty
        {
            Id = Values.Text(v, OneCEntities.OneCId) is { Length: > 0 and <= 40 } onecId ? onecId : company.Id.ToString("D"),
            Name = name,
            FullName = Values.Text(v, "legal_name") is { Length: > 0 } legal ? legal : name,
            // A 12-digit INN is a sole trader's (ИП): 1C expects РеквизитыФизЛица for them.
            IsLegalEntity = inn is not { Length: 12 },
            Inn = inn,
            Kpp = Values.Text(v, "kpp"),
            Ogrn = Values.Text(v, "ogrn") ?? Values.Text(v, "ogrnip"),
            LegalAddress = Values.Text(v, "legal_address") ?? Values.Text(v, "legalAddress") ?? Values.Text(v, "address"),
            Email = Values.Text(v, "email"),
            Phone = Values.Text(v, "phone"),
            Website = Values.Text(v, "website"),
        };
    }

    internal static Counterparty FromContact(CrmRecord contact)
    {
        var v = contact.Values;
        var parts = new[] { Values.Text(v, "last_name"), Values.Text(v, "first_name"), Values.Text(v, "middle_name") }
            .Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        var full = parts.Length > 0 ? string.Join(' ', parts) : "—";
        return new Counterparty
        {
            Id = contact.Id.ToString("D"),
            Name = full,
            FullName = full,
            IsLegalEntity = false,
            LastName = Values.Text(v, "last_name"),
            FirstName = Values.Text(v, "first_name"),
            MiddleName = Values.Text(v, "middle_name"),
            Email = Values.Text(v, "email"),
            Phone = Values.Text(v, "phone"),
        };
    }

    internal static OrderLine Line(CrmRecord line, IReadOnlyDictionary<Guid, CrmRecord> products)
    {
        var v = line.Values;
        CrmRecord? product = Values.Id(v, "product") is { } productId && products.TryGetValue(productId, out var found) ? found : null;
        var rate = Values.Text(v, "vat_rate");
        var percent = rate is not null && VatRates.All.Contains(rate) ? VatRates.Percent(rate) : null;
        var quantity = Values.Decimal(v, "quantity") ?? 1m;
        var price = Values.Decimal(v, "price") ?? 0m;
        var discountPercent = Values.Decimal(v, "discount_percent") ?? 0m;
        var included = Values.Boolean(v, "vat_included") ?? true;
        var totals = LineMath.Compute(quantity, price, discountPercent, percent, included);
        var id = product is null
            ? line.Id.ToString("D")
            : Values.Text(product.Values, OneCEntities.OneCId) is { Length: > 0 and <= 80 } onecId ? onecId : product.Id.ToString("D");
        return new OrderLine
        {
            Id = id,
            Sku = Values.Text(v, "sku") ?? (product is null ? null : Values.Text(product.Values, "sku")),
            Name = Values.Text(v, "name") ?? (product is null ? null : Values.Text(product.Values, "name")) ?? "—",
            UnitCode = Values.Text(v, "unit_code") ?? (product is null ? null : Values.Text(product.Values, "unit_code")) ?? "796",
            UnitName = Values.Text(v, "unit") ?? (product is null ? null : Values.Text(product.Values, "unit")) ?? "шт",
            Quantity = quantity,
            Price = price,
            DiscountPercent = discountPercent,
            Discount = totals.Discount,
            Amount = totals.Amount,
            VatRate = rate switch
            {
                null => null,
                VatRates.None => "Без налога",
                _ when percent is not null => rate,
                _ => null,
            },
            VatIncluded = included,
            Vat = totals.Vat,
            Kind = product is not null && Values.Text(product.Values, "kind") == "service" ? "Услуга" : "Товар",
        };
    }

    private static string StageText(string stage) => stage switch
    {
        "new" => "Новый",
        "qualification" => "Квалификация",
        "proposal" => "Коммерческое предложение",
        "negotiation" => "Переговоры",
        "won" => "Выигран",
        "lost" => "Отменен",
        _ => stage,
    };

    private async Task<List<CrmRecord>> ByIdsAsync(
        string entity, string field, IEnumerable<Guid> ids, string? sort, CancellationToken cancellationToken)
    {
        var result = new List<CrmRecord>();
        foreach (var chunk in ids.Distinct().Chunk(InLimit))
        {
            string? after = null;
            do
            {
                var page = await records.QueryAsync(principal, entity, new RecordQuery
                {
                    Filter = $"{field} in ({string.Join(", ", chunk.Select(id => id.ToString("D")))})",
                    Sort = sort,
                    Limit = RecordQuery.MaxLimit,
                    After = after,
                }, cancellationToken);
                result.AddRange(page.Items);
                after = page.NextCursor;
            }
            while (after is not null);
        }

        return result;
    }
}
