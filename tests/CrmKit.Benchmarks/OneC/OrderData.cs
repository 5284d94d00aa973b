using System.Buffers.Binary;
using System.Globalization;
using CrmKit.Sdk.Records;

namespace CrmKit.Benchmarks.OneC;

/// <summary>
/// Synthetic orders generated on demand, deterministically by index: deal i belongs to company i % 100 and has 5 lines
/// of products (i + k) % 50. Records carry their values as JSON text, as a store returns them, so both contenders pay
/// the same parsing. Nothing is kept: memory used by the data does not grow with the number of orders.
/// </summary>
internal static class OrderData
{
    public const int LinesPerOrder = 5;
    public const int Companies = 100;
    public const int Products = 50;

    public static readonly DateTimeOffset Created = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    public static Guid DealId(int i) => Id(1, i);

    public static Guid CompanyId(int i) => Id(2, i);

    public static Guid ProductId(int i) => Id(3, i);

    public static Guid LineId(int deal, int k) => Id(4, deal * LinesPerOrder + k);

    public static int IndexOf(Guid id) => BinaryPrimitives.ReadInt32LittleEndian(id.ToByteArray().AsSpan(0, 4));

    public static int KindOf(Guid id) => id.ToByteArray()[15];

    public static CrmRecord Deal(int i) => Record("deal", DealId(i), string.Create(CultureInfo.InvariantCulture,
        $$"""{"title":"Заказ покупателя №{{i}}","stage":"new","number":"ORD-{{i:000000}}","company":"{{CompanyId(i % Companies)}}"}"""));

    public static CrmRecord Company(int c) => Record("company", CompanyId(c), string.Create(CultureInfo.InvariantCulture,
        $$"""{"name":"ООО Покупатель {{c}}","legal_name":"Общество с ограниченной ответственностью «Покупатель {{c}}»","inn":"7707083893","kpp":"773601001","legal_address":"117312, г. Москва, ул. Вавилова, д. {{c + 1}}","email":"buyer{{c}}@example.com"}"""));

    public static CrmRecord Product(int p) => Record("product", ProductId(p), string.Create(CultureInfo.InvariantCulture,
        $$"""{"name":"Товар номер {{p}}","sku":"SKU-{{p:0000}}","unit":"шт","unit_code":"796","price":{{Price(p)}},"vat_rate":"20","kind":"goods"}"""));

    public static CrmRecord Line(int deal, int k)
    {
        var product = (deal + k) % Products;
        return Record("deal_line", LineId(deal, k), string.Create(CultureInfo.InvariantCulture,
            $$"""{"deal":"{{DealId(deal)}}","product":"{{ProductId(product)}}","position":{{k + 1}},"name":"Товар номер {{product}}","sku":"SKU-{{product:0000}}","unit":"шт","unit_code":"796","quantity":{{k + 1}},"price":{{Price(product)}},"discount_percent":0,"vat_rate":"20","vat_included":true}"""));
    }

    public static decimal Price(int product) => 100m + product * 12.35m;

    private static Guid Id(byte kind, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, index);
        bytes[7] = 0x70;
        bytes[8] = 0x80;
        bytes[15] = kind;
        return new Guid(bytes);
    }

    private static CrmRecord Record(string entity, Guid id, string json) => new()
    {
        Entity = entity,
        Id = id,
        Version = 1,
        CreatedAt = Created,
        CreatedBy = "bench",
        UpdatedAt = Created,
        UpdatedBy = "bench",
        ValuesJson = json,
    };
}
