namespace CrmKit.Plugins.OneC.Import;

/// <summary>Everything read from one CommerceML file, before anything is written.</summary>
internal sealed class ImportPackage
{
    public string? SchemaVersion { get; set; }

    public List<CounterpartyData> Counterparties { get; } = [];

    public List<ProductData> Products { get; } = [];

    public List<OfferData> Offers { get; } = [];

    public List<DocumentData> Documents { get; } = [];
}

internal sealed class CounterpartyData
{
    public required string OneCId { get; init; }

    public string? Name { get; set; }

    public string? FullName { get; set; }

    public bool IsLegalEntity { get; set; }

    public string? Inn { get; set; }

    public string? Kpp { get; set; }

    public string? Address { get; set; }

    public string? LastName { get; set; }

    public string? FirstName { get; set; }

    public string? MiddleName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

internal sealed class ProductData
{
    public required string OneCId { get; init; }

    public required string Name { get; init; }

    public string? Sku { get; init; }

    public string? Unit { get; init; }

    public string? UnitCode { get; init; }

    public string? VatRate { get; init; }

    public string? Kind { get; init; }

    public string? Description { get; init; }
}

internal sealed class OfferData
{
    public required string OneCId { get; init; }

    public string? Name { get; init; }

    public string? Sku { get; init; }

    public string? Unit { get; init; }

    public string? UnitCode { get; init; }

    public decimal? Price { get; init; }

    public decimal? Stock { get; init; }
}

internal sealed class DocumentData
{
    public required string OneCId { get; init; }

    public string? Number { get; init; }

    public DateTimeOffset? Date { get; init; }

    public required string Operation { get; init; }

    public string? Currency { get; init; }

    public decimal? Sum { get; init; }

    public string? BuyerOneCId { get; init; }

    public string? Comment { get; init; }

    public bool? VatIncluded { get; init; }

    public List<LineData> Lines { get; } = [];

    public Dictionary<string, string> Requisites { get; } = new(StringComparer.OrdinalIgnoreCase);
}

internal sealed class LineData
{
    public required string ProductOneCId { get; init; }

    public required string Name { get; init; }

    public string? Sku { get; init; }

    public string? Unit { get; init; }

    public string? UnitCode { get; init; }

    public decimal Quantity { get; init; }

    public decimal Price { get; init; }

    public decimal? Amount { get; init; }

    public string? VatRate { get; init; }

    public bool? VatIncluded { get; init; }

    public string? Kind { get; init; }
}
