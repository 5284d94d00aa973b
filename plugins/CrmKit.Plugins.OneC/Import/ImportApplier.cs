using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Plugins.OneC.Model;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Plugins.OneC.Import;

/// <summary>
/// Writes an <see cref="ImportPackage"/> into records: counterparties into companies (legal entities) and contacts
/// (people), matched by their 1C id, then by ИНН (+КПП) when the company has requisites; products by 1C id, offers as
/// their prices and stock; documents into deals with their lines (replacing the lines the deal had), matched by the
/// deal's own id (a document CrmKit sent), then by 1C id. Meant to run inside one transaction (a record message), so
/// that a failure leaves nothing written.
/// </summary>
internal sealed class ImportApplier(IRecordService records, CrmPrincipal principal, bool companyHasRequisites)
{
    private const int InLimit = 500;

    private readonly Dictionary<string, Guid> _companies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CrmRecord> _products = new(StringComparer.Ordinal);

    public ImportResult Result { get; } = new();

    public async Task ApplyAsync(ImportPackage package, CancellationToken cancellationToken)
    {
        await ApplyCounterpartiesAsync(package.Counterparties, cancellationToken);
        await ApplyProductsAsync(package.Products, cancellationToken);
        await ApplyOffersAsync(package.Offers, cancellationToken);
        foreach (var document in package.Documents)
        {
            await ApplyDocumentAsync(document, package, cancellationToken);
        }
    }

    /// <summary>
    /// Creates or updates a company. Lenient on input: when the only objections are to its requisites (an ИНН or КПП
    /// that the requisites plugin's checks refuse, as real 1C files sometimes carry), the company is saved without them
    /// and the import counts it, rather than the whole file failing.
    /// </summary>
    private async Task<Guid> SaveCompanyAsync(JsonObject values, CrmRecord? existing, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteCompanyAsync(values, existing, cancellationToken);
        }
        catch (CrmException e) when (e.Kind == CrmErrorKind.Validation && e.Errors.Count > 0 &&
            e.Errors.All(error => RequisitePointers.Any(p => error.Pointer == p || error.Pointer.StartsWith(p + "/", StringComparison.Ordinal))))
        {
            // Validation refuses before anything is written, so the import's transaction is untouched.
            values.Remove("inn");
            values.Remove("kpp");
            Result.RequisitesRefused++;
            return await WriteCompanyAsync(values, existing, cancellationToken);
        }
    }

    private async Task<Guid> WriteCompanyAsync(JsonObject values, CrmRecord? existing, CancellationToken cancellationToken) =>
        existing is null
            ? (await records.CreateAsync(principal, OneCEntities.Company, [values], cancellationToken))[0].Id
            : (await records.UpdateAsync(principal, OneCEntities.Company, existing.Id, values, null, cancellationToken)).Id;

    private static readonly string[] RequisitePointers = ["/inn", "/kpp"];

    private async Task ApplyCounterpartiesAsync(List<CounterpartyData> counterparties, CancellationToken cancellationToken)
    {
        // A counterparty CrmKit sent comes back with the company's own id, whatever requisites it was written with.
        var companies = await ByOneCIdAsync(OneCEntities.Company, counterparties.Select(c => c.OneCId), cancellationToken);
        var legal = counterparties.Where(c => c.IsLegalEntity || companies.ContainsKey(c.OneCId)).ToList();
        var people = counterparties.Except(legal).ToList();
        foreach (var counterparty in legal)
        {
            var values = OneCIdValues(counterparty.OneCId, companies.GetValueOrDefault(counterparty.OneCId));
            var name = counterparty.Name ?? counterparty.FullName ?? "Контрагент " + counterparty.OneCId;
            values["name"] = Cut(name, 500);
            Set(values, "legal_name", Cut(counterparty.FullName, 500));
            Set(values, "email", counterparty.Email is { } e && e.Contains('@', StringComparison.Ordinal) ? e : null);
            Set(values, "address", Cut(counterparty.Address, 1000));
            if (companyHasRequisites)
            {
                Set(values, "inn", counterparty.Inn);
                Set(values, "kpp", counterparty.Kpp);
            }

            if (!companies.TryGetValue(counterparty.OneCId, out var existing) && companyHasRequisites && counterparty.Inn is { } inn)
            {
                existing = await FindByInnAsync(inn, counterparty.Kpp, cancellationToken);
            }

            _companies[counterparty.OneCId] = await SaveCompanyAsync(values, existing, cancellationToken);
            Result.Companies++;
        }

        var contacts = await ByOneCIdAsync(OneCEntities.Contact, people.Select(c => c.OneCId), cancellationToken);
        foreach (var person in people)
        {
            var (first, last, middle) = Names(person);
            var values = OneCIdValues(person.OneCId, contacts.GetValueOrDefault(person.OneCId));
            values["first_name"] = Cut(first, 100);
            Set(values, "last_name", Cut(last, 100));
            Set(values, "middle_name", Cut(middle, 100));
            Set(values, "email", person.Email is { } e && e.Contains('@', StringComparison.Ordinal) ? e : null);
            _contacts[person.OneCId] = contacts.TryGetValue(person.OneCId, out var existing)
                ? (await records.UpdateAsync(principal, OneCEntities.Contact, existing.Id, values, null, cancellationToken)).Id
                : (await records.CreateAsync(principal, OneCEntities.Contact, [values], cancellationToken))[0].Id;
            Result.Contacts++;
        }
    }

    private async Task ApplyProductsAsync(List<ProductData> products, CancellationToken cancellationToken)
    {
        await LoadProductsAsync(products.Select(p => p.OneCId), cancellationToken);
        var created = new List<JsonObject>();
        foreach (var product in products)
        {
            var values = new JsonObject { [OneCEntities.OneCId] = product.OneCId, ["name"] = Cut(product.Name, 500) };
            Set(values, "sku", Cut(product.Sku, 100));
            Set(values, "unit", Cut(product.Unit, 50));
            Set(values, "unit_code", Cut(product.UnitCode, 10));
            Set(values, "vat_rate", product.VatRate);
            Set(values, "kind", Kind(product.Kind));
            Set(values, "description", product.Description);
            if (_products.TryGetValue(product.OneCId, out var existing))
            {
                _products[product.OneCId] = await records.UpdateAsync(principal, OneCEntities.Product, existing.Id, values, null, cancellationToken);
                Result.ProductsUpdated++;
            }
            else
            {
                created.Add(values);
            }
        }

        await CreateProductsAsync(created, cancellationToken);
    }

    private async Task ApplyOffersAsync(List<OfferData> offers, CancellationToken cancellationToken)
    {
        await LoadProductsAsync(offers.Select(o => o.OneCId), cancellationToken);
        var created = new List<JsonObject>();
        foreach (var offer in offers)
        {
            var values = new JsonObject();
            Set(values, "price", offer.Price is { } price ? JsonValue.Create(price) : null);
            Set(values, "stock", offer.Stock is { } stock ? JsonValue.Create(stock) : null);
            if (_products.TryGetValue(offer.OneCId, out var existing))
            {
                if (values.Count > 0)
                {
                    _products[offer.OneCId] = await records.UpdateAsync(principal, OneCEntities.Product, existing.Id, values, null, cancellationToken);
                }

                Result.ProductsUpdated++;
            }
            else
            {
                values[OneCEntities.OneCId] = offer.OneCId;
                values["name"] = Cut(offer.Name ?? "Товар " + offer.OneCId, 500);
                Set(values, "sku", Cut(offer.Sku, 100));
                Set(values, "unit", Cut(offer.Unit, 50));
                Set(values, "unit_code", Cut(offer.UnitCode, 10));
                created.Add(values);
            }
        }

        await CreateProductsAsync(created, cancellationToken);
    }

    private async Task ApplyDocumentAsync(DocumentData document, ImportPackage package, CancellationToken cancellationToken)
    {
        var deal = await FindDealAsync(document.OneCId, cancellationToken);
        var requisites = document.Requisites;
        var isOrder = document.Operation.StartsWith("Заказ", StringComparison.OrdinalIgnoreCase);
        if (!isOrder && deal is null && Find(requisites, "Номер заказа", "Заказ", "Заказ покупателя", "Основание") is { } order)
        {
            deal = await FindDealAsync(order, cancellationToken) ?? await FindDealByNumberAsync(order, cancellationToken);
        }

        if (!isOrder && deal is null)
        {
            // A payment, an invoice or a shipment of an order CrmKit does not know: nothing to attach it to.
            Result.DocumentsSkipped++;
            return;
        }

        var values = new JsonObject();
        if (deal is null)
        {
            values["title"] = Cut($"{document.Operation} № {document.Number ?? document.OneCId}" +
                (document.Date is { } date ? " от " + date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : ""), 255);
            values["stage"] = "new";
            values[OneCEntities.OneCId] = Cut(document.OneCId, 80);
        }

        Set(values, "number", Cut(document.Number, 40));
        if (document.Operation.StartsWith("Счет", StringComparison.OrdinalIgnoreCase))
        {
            Set(values, "invoice_number", Cut(document.Number, 40));
            Set(values, "invoice_date", document.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        Set(values, "description", document.Comment);
        Set(values, "onec_status", Cut(Find(requisites, "Статус заказа", "Статус заказа ИД", "Статуса заказа ИД"), 100));
        Set(values, "onec_payment_number", Cut(Find(requisites, "Номер оплаты по 1С"), 100));
        Set(values, "onec_paid_at", DateText(Find(requisites, "Дата оплаты по 1С", "Дата оплаты")));
        Set(values, "onec_shipped_at", DateText(Find(requisites, "Дата отгрузки по 1С", "Дата отгрузки")));
        if (CommerceMlReader.ParseBoolean(Find(requisites, "Отменен")) is { } cancelled)
        {
            values["onec_cancelled"] = cancelled;
        }

        if (document.Operation.StartsWith("Выплата", StringComparison.OrdinalIgnoreCase) && values["onec_paid_at"] is null)
        {
            Set(values, "onec_paid_at", DateText(document.Date?.ToString("o", CultureInfo.InvariantCulture)));
            Set(values, "onec_payment_number", Cut(document.Number, 100));
        }

        if (document.BuyerOneCId is { } buyer)
        {
            if (_companies.TryGetValue(buyer, out var company))
            {
                values["company"] = company.ToString("D");
            }
            else if (_contacts.TryGetValue(buyer, out var contact))
            {
                values["contact"] = contact.ToString("D");
            }
        }

        if (document.Currency is { } currency && deal is null)
        {
            values["amount"] = new JsonObject { ["amount"] = document.Sum ?? 0m, ["currency"] = Currency(currency) };
        }

        Guid dealId;
        if (deal is null)
        {
            dealId = (await records.CreateAsync(principal, OneCEntities.Deal, [values], cancellationToken))[0].Id;
            Result.DealsCreated++;
        }
        else
        {
            dealId = (await records.UpdateAsync(principal, OneCEntities.Deal, deal.Id, values, null, cancellationToken)).Id;
            Result.DealsUpdated++;
        }

        if (document.Lines.Count > 0 && isOrder)
        {
            await ReplaceLinesAsync(dealId, document, cancellationToken);
        }

        _ = package;
    }

    private async Task ReplaceLinesAsync(Guid dealId, DocumentData document, CancellationToken cancellationToken)
    {
        string? after = null;
        var old = new List<CrmRecord>();
        do
        {
            var page = await records.QueryAsync(principal, OneCEntities.DealLine,
                new RecordQuery { Filter = $"deal eq {dealId:D}", Select = ["deal"], Limit = RecordQuery.MaxLimit, After = after }, cancellationToken);
            old.AddRange(page.Items);
            after = page.NextCursor;
        }
        while (after is not null);

        foreach (var line in old)
        {
            await records.DeleteAsync(principal, OneCEntities.DealLine, line.Id, null, cancellationToken);
        }

        await LoadProductsAsync(document.Lines.Select(l => l.ProductOneCId), cancellationToken);
        var missing = document.Lines.Where(l => !_products.ContainsKey(l.ProductOneCId)).GroupBy(l => l.ProductOneCId).Select(g => g.First()).ToList();
        await CreateProductsAsync(missing.Select(l =>
        {
            var values = new JsonObject { [OneCEntities.OneCId] = Cut(l.ProductOneCId, 80), ["name"] = Cut(l.Name, 500) };
            Set(values, "sku", Cut(l.Sku, 100));
            Set(values, "unit", Cut(l.Unit, 50));
            Set(values, "unit_code", Cut(l.UnitCode, 10));
            Set(values, "vat_rate", l.VatRate);
            Set(values, "price", JsonValue.Create(l.Price));
            Set(values, "kind", Kind(l.Kind));
            return values;
        }).ToList(), cancellationToken);

        var lines = new List<JsonObject>();
        var position = 0;
        foreach (var line in document.Lines)
        {
            var values = new JsonObject
            {
                ["deal"] = dealId.ToString("D"),
                ["position"] = ++position,
                ["name"] = Cut(line.Name, 500),
                ["quantity"] = line.Quantity,
                ["price"] = line.Price,
                ["vat_rate"] = line.VatRate ?? VatRates.None,
                ["vat_included"] = line.VatIncluded ?? true,
            };
            if (_products.TryGetValue(line.ProductOneCId, out var product))
            {
                values["product"] = product.Id.ToString("D");
            }

            Set(values, "sku", Cut(line.Sku, 100));
            Set(values, "unit", Cut(line.Unit, 50));
            Set(values, "unit_code", Cut(line.UnitCode, 10));
            lines.Add(values);
        }

        foreach (var chunk in lines.Chunk(100))
        {
            await records.CreateAsync(principal, OneCEntities.DealLine, chunk, cancellationToken);
        }

        Result.Lines += lines.Count;
    }

    private async Task<CrmRecord?> FindDealAsync(string oneCId, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(oneCId, out var id) && await records.GetAsync(principal, OneCEntities.Deal, id, cancellationToken: cancellationToken) is { } own)
        {
            return own;
        }

        var page = await records.QueryAsync(principal, OneCEntities.Deal,
            new RecordQuery { Filter = $"{OneCEntities.OneCId} eq {Quote(oneCId)}", Limit = 1 }, cancellationToken);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    private async Task<CrmRecord?> FindDealByNumberAsync(string number, CancellationToken cancellationToken)
    {
        var page = await records.QueryAsync(principal, OneCEntities.Deal,
            new RecordQuery { Filter = $"number eq {Quote(number)}", Limit = 1 }, cancellationToken);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    private async Task<CrmRecord?> FindByInnAsync(string inn, string? kpp, CancellationToken cancellationToken)
    {
        var filter = $"inn eq {Quote(inn)}" + (kpp is null ? "" : $" and kpp eq {Quote(kpp)}");
        var page = await records.QueryAsync(principal, OneCEntities.Company, new RecordQuery { Filter = filter, Limit = 1 }, cancellationToken);
        return page.Items.Count > 0 ? page.Items[0] : null;
    }

    private async Task LoadProductsAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        foreach (var (key, product) in await ByOneCIdAsync(OneCEntities.Product, ids.Where(id => !_products.ContainsKey(id)), cancellationToken))
        {
            _products[key] = product;
        }
    }

    private async Task CreateProductsAsync(List<JsonObject> products, CancellationToken cancellationToken)
    {
        foreach (var chunk in products.Chunk(100))
        {
            foreach (var product in await records.CreateAsync(principal, OneCEntities.Product, chunk, cancellationToken))
            {
                _products[Values.Text(product.Values, OneCEntities.OneCId)!] = product;
                Result.ProductsCreated++;
            }
        }
    }

    // The 1C id to store: none when the record was found by its own id (a record CrmKit sent, coming back).
    private static JsonObject OneCIdValues(string oneCId, CrmRecord? existing) =>
        existing is not null && existing.Id.ToString("D") == oneCId ? [] : new JsonObject { [OneCEntities.OneCId] = Cut(oneCId, 80) };

    /// <summary>Records by their 1C id, then — for ids that are record ids CrmKit itself wrote out — by id.</summary>
    private async Task<Dictionary<string, CrmRecord>> ByOneCIdAsync(string entity, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var found = await ByFieldAsync(entity, OneCEntities.OneCId, wanted, Quote, cancellationToken);
        var own = wanted.Where(id => !found.ContainsKey(id) && Guid.TryParse(id, out _)).ToList();
        foreach (var (key, record) in await ByFieldAsync(entity, "id", own, id => Guid.Parse(id).ToString("D"), cancellationToken))
        {
            found[own.First(id => Guid.Parse(id).ToString("D") == key)] = record;
        }

        return found;
    }

    private async Task<Dictionary<string, CrmRecord>> ByFieldAsync(
        string entity, string field, List<string> ids, Func<string, string> literal, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, CrmRecord>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(InLimit))
        {
            string? after = null;
            do
            {
                var page = await records.QueryAsync(principal, entity, new RecordQuery
                {
                    Filter = $"{field} in ({string.Join(", ", chunk.Select(literal))})",
                    Limit = RecordQuery.MaxLimit,
                    After = after,
                }, cancellationToken);
                foreach (var record in page.Items)
                {
                    found.TryAdd(field == "id" ? record.Id.ToString("D") : Values.Text(record.Values, field)!, record);
                }

                after = page.NextCursor;
            }
            while (after is not null);
        }

        return found;
    }

    private static (string First, string? Last, string? Middle) Names(CounterpartyData person)
    {
        if (person.FirstName is not null || person.LastName is not null)
        {
            return (person.FirstName ?? person.LastName!, person.FirstName is null ? null : person.LastName, person.MiddleName);
        }

        var full = person.FullName ?? person.Name;
        if (full is null)
        {
            return ("Покупатель " + person.OneCId, null, null);
        }

        // "Смирнов Олег Иванович": family name first, as 1C writes it.
        var parts = full.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            1 => (parts[0], null, null),
            2 => (parts[1], parts[0], null),
            _ => (parts[1], parts[0], string.Join(' ', parts[2..])),
        };
    }

    private static string? Find(Dictionary<string, string> requisites, params string[] names) =>
        names.Select(n => requisites.TryGetValue(n, out var v) && v.Length > 0 ? v : null).FirstOrDefault(v => v is not null);

    private static string? DateText(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : null;

    private static string? Kind(string? text) => text switch
    {
        null => null,
        _ when text.Contains("услуг", StringComparison.OrdinalIgnoreCase) => "service",
        _ => "goods",
    };

    // 1C and Bitrix write "руб", "руб.", "643" for roubles; anything that is not an ISO code is taken as RUB.
    private static string Currency(string text) =>
        text.Length == 3 && text.All(char.IsAsciiLetterUpper) ? text : "RUB";

    private static void Set(JsonObject values, string name, JsonNode? value)
    {
        if (value is not null)
        {
            values[name] = value;
        }
    }

    // Single-line fields: runs of white space (a name broken over two lines in the file) become one space.
    private static string? Cut(string? value, int length)
    {
        var text = value is null ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return string.IsNullOrEmpty(text) ? null : text.Length <= length ? text : text[..length];
    }

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    internal static CrmException Failed(string message) =>
        new(CrmErrorKind.BadRequest, "onec.import_failed", Sdk.Localization.LocalizedText.Of(message));
}
