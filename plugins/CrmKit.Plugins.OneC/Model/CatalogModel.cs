using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Plugins.OneC.Model;

/// <summary>
/// The model the exchange needs: products, deal lines, the exchange log, and the fields 1C brings to deals and
/// companies. Requisites (<c>inn</c>, <c>kpp</c>, <c>ogrn</c>, <c>legal_address</c>) belong to the requisites plugin:
/// this plugin reads and writes them when the company has them and never requires them.
/// </summary>
internal static class CatalogModel
{
    public static void Configure(IEntityRegistry entities)
    {
        entities.Define(OneCEntities.Product, DefineProduct);
        entities.Define(OneCEntities.DealLine, DefineDealLine);
        entities.Define(OneCEntities.Exchange, DefineExchange);
        entities.Extend(OneCEntities.Deal, deal => deal
            .String("number", f => f.Label("Number", "Номер").MaxLength(40).Indexed())
            .Decimal("vat_amount", f => f.Label("VAT", "НДС").Minimum(0))
            .String("invoice_number", f => f.Label("Invoice number", "Номер счета").MaxLength(40))
            .Date("invoice_date", f => f.Label("Invoice date", "Дата счета"))
            .String(OneCEntities.OneCId, f => f.Label("1C id", "Ид в 1С").MaxLength(80).Indexed())
            .String("onec_status", f => f.Label("Status in 1C", "Статус в 1С").MaxLength(100))
            .DateTime("onec_paid_at", f => f.Label("Paid (1C)", "Дата оплаты по 1С"))
            .String("onec_payment_number", f => f.Label("Payment number (1C)", "Номер оплаты по 1С").MaxLength(100))
            .DateTime("onec_shipped_at", f => f.Label("Shipped (1C)", "Дата отгрузки по 1С"))
            .Boolean("onec_cancelled", f => f.Label("Cancelled in 1C", "Отменен в 1С")));
        entities.Extend(OneCEntities.Company, company => company
            .String(OneCEntities.OneCId, f => f.Label("1C id", "Ид в 1С").MaxLength(80).Indexed()));
        entities.Extend(OneCEntities.Contact, contact => contact
            .String(OneCEntities.OneCId, f => f.Label("1C id", "Ид в 1С").MaxLength(80).Indexed()));
    }

    private static void DefineProduct(EntityBuilder entity)
    {
        entity.Label("Product", "Товар").PluralLabel("Products", "Товары");
        entity
            .String("name", f => f.Label("Name", "Наименование").Required().MaxLength(500).Indexed())
            .String("sku", f => f.Label("SKU", "Артикул").MaxLength(100).Indexed())
            .String("unit", f => f.Label("Unit", "Единица").MaxLength(50))
            .String("unit_code", f => f.Label("Unit code (OKEI)", "Код по ОКЕИ").MaxLength(10))
            .Decimal("price", f => f.Label("Price", "Цена").Minimum(0))
            .Enum("vat_rate", f => VatOptions(f.Label("VAT rate", "Ставка НДС")))
            .Enum("kind", f => f
                .Label("Kind", "Вид")
                .Option("goods", "Goods", "Товар")
                .Option("service", "Service", "Услуга"))
            .Decimal("stock", f => f.Label("In stock", "Остаток"))
            .String(OneCEntities.OneCId, f => f.Label("1C id", "Ид в 1С").MaxLength(80).Indexed())
            .Text("description", f => f.Label("Description", "Описание"));
    }

    private static void DefineDealLine(EntityBuilder entity)
    {
        entity.Label("Deal line", "Строка сделки").PluralLabel("Deal lines", "Строки сделок");
        entity
            .Lookup("deal", OneCEntities.Deal, f => f.Label("Deal", "Сделка").References(OneCEntities.Deal, LookupDeleteBehavior.SetNull).Indexed())
            .Lookup("product", OneCEntities.Product, f => f.Label("Product", "Товар").References(OneCEntities.Product, LookupDeleteBehavior.SetNull).Indexed())
            .Integer("position", f => f.Label("Position", "Номер строки").Minimum(0))
            .String("name", f => f.Label("Name", "Наименование").MaxLength(500))
            .String("sku", f => f.Label("SKU", "Артикул").MaxLength(100))
            .String("unit", f => f.Label("Unit", "Единица").MaxLength(50))
            .String("unit_code", f => f.Label("Unit code (OKEI)", "Код по ОКЕИ").MaxLength(10))
            .Decimal("quantity", f => f.Label("Quantity", "Количество").Minimum(0))
            .Decimal("price", f => f.Label("Price", "Цена").Minimum(0))
            .Decimal("discount_percent", f => f.Label("Discount, %", "Скидка, %").Minimum(0).Maximum(100))
            .Enum("vat_rate", f => VatOptions(f.Label("VAT rate", "Ставка НДС")))
            .Boolean("vat_included", f => f.Label("VAT included in price", "НДС в цене"))
            .Decimal("discount", f => f.Label("Discount", "Сумма скидки"))
            .Decimal("amount", f => f.Label("Amount", "Сумма"))
            .Decimal("vat_amount", f => f.Label("VAT", "Сумма НДС"))
            .Decimal("total", f => f.Label("Total", "Всего"));
    }

    private static void DefineExchange(EntityBuilder entity)
    {
        entity.Label("1C exchange", "Обмен с 1С").PluralLabel("1C exchanges", "Обмены с 1С");
        entity
            .Enum("kind", f => f
                .Label("Kind", "Вид")
                .Option("sale_query", "Orders sent to 1C", "Заказы отправлены в 1С")
                .Option("sale_file", "File from 1C (orders)", "Файл из 1С (заказы)")
                .Option("catalog_import", "Catalogue from 1C", "Каталог из 1С")
                .Required()
                .Indexed())
            .Enum("status", f => f
                .Label("Status", "Состояние")
                .Option("sent", "Sent, awaiting confirmation", "Отправлено, ждет подтверждения")
                .Option("confirmed", "Confirmed by 1C", "Подтверждено 1С")
                .Option("importing", "Importing", "Загружается")
                .Option("imported", "Imported", "Загружено")
                .Option("failed", "Failed", "Ошибка")
                .Required()
                .Indexed())
            .DateTime("watermark", f => f.Label("Changes up to", "Изменения до").Indexed())
            .DateTime("since", f => f.Label("Changes from", "Изменения с"))
            .String("file_name", f => f.Label("File", "Файл").MaxLength(255))
            .Integer("documents", f => f.Label("Documents", "Документов").Minimum(0))
            .Integer("counterparties", f => f.Label("Counterparties", "Контрагентов").Minimum(0))
            .Integer("products", f => f.Label("Products", "Товаров").Minimum(0))
            .Text("message", f => f.Label("Message", "Сообщение").MaxLength(3000));
    }

    private static FieldBuilder VatOptions(FieldBuilder field) => field
        .Option("20", "20%", "20%")
        .Option("18", "18% (until 2019)", "18% (до 2019)")
        .Option("10", "10%", "10%")
        .Option("7", "7%", "7%")
        .Option("5", "5%", "5%")
        .Option("0", "0%", "0%")
        .Option(VatRates.None, "No VAT", "Без НДС");
}
