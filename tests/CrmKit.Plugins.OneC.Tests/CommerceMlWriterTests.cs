using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CrmKit.CommerceMl;
using CrmKit.Plugins.OneC.Export;
using CrmKit.Plugins.OneC.Tests.Infrastructure;
using CrmKit.Sdk.Records;

namespace CrmKit.Plugins.OneC.Tests;

/// <summary>Strict on output: what the writer makes is schema-valid (2.10 and 2.08, warnings fail) and adds up.</summary>
public sealed class CommerceMlWriterTests
{
    private static readonly XNamespace Cml = "urn:1C.ru:commerceml_2";

    [Fact]
    public async Task GoldenOrder_ShouldBeWrittenValidWithTheGoldenFilesAmounts()
    {
        var xml = await WriteAsync(GoldenDocument());

        TestData.ShouldBeValidCommerceMl(xml);
        var written = Parse(xml);
        var golden = XDocument.Load(TestData.PathOf("order-2.10-valid.xml"));
        foreach (var path in (string[])["Сумма", "Налоги/Налог/Сумма", "Налоги/Налог/Ставка", "Налоги/Налог/УчтеноВСумме", "ХозОперация", "Валюта",
                     "Контрагенты/Контрагент/ИНН", "Контрагенты/Контрагент/КПП", "Контрагенты/Контрагент/ОфициальноеНаименование"])
        {
            Value(written, path).ShouldBe(Value(golden, path), path);
        }

        Lines(written).ShouldBe(Lines(golden));
        written.Root!.Name.ShouldBe(Cml + "КоммерческаяИнформация");
        written.Root.Attribute("ВерсияСхемы")!.Value.ShouldBe("2.10");
    }

    [Fact]
    public async Task Output_ShouldBeUtf8WithoutAByteOrderMark()
    {
        var xml = await WriteAsync(GoldenDocument());

        Encoding.UTF8.GetString(xml).ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        xml[0].ShouldBe((byte)'<');
    }

    [Fact]
    public async Task DocumentTotals_ShouldEqualTheSumsOfTheLines()
    {
        var lines = new[]
        {
            Line("a", 3m, 33.33m, 7.5m, "20", true),
            Line("b", 1m, 3338m, 0m, "18", false),
            Line("c", 2.5m, 10.01m, 0m, "10", true),
            Line("d", 1m, 500m, 0m, "none", true),
        };
        var document = OrderSource.Document(Deal(), OrderSource.FromCompany(Company()), lines, invoice: false);

        var xml = await WriteAsync(document);

        TestData.ShouldBeValidCommerceMl(xml);
        var doc = Parse(xml).Root!.Element(Cml + "Документ")!;
        var lineSums = doc.Element(Cml + "Товары")!.Elements(Cml + "Товар").Select(t => decimal.Parse(t.Element(Cml + "Сумма")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        decimal.Parse(doc.Element(Cml + "Сумма")!.Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(lineSums.Sum());
        // 92.49 (incl.) + 3938.84 (3338 + 600.84 on top) + 25.03 (incl.) + 500 (no VAT)
        lineSums.ShouldBe([92.49m, 3938.84m, 25.03m, 500.00m]);
        var taxes = doc.Element(Cml + "Налоги")!.Elements(Cml + "Налог")
            .Select(t => (t.Element(Cml + "Ставка")!.Value, t.Element(Cml + "Сумма")!.Value, t.Element(Cml + "УчтеноВСумме")!.Value)).ToList();
        taxes.ShouldBe([("20", "15.42", "true"), ("18", "600.84", "false"), ("10", "2.28", "true"), ("Без налога", "0.00", "true")]);
        Encoding.UTF8.GetString(xml).ShouldContain("<Процент>7.5</Процент>");
    }

    [Fact]
    public async Task SoleTrader_ShouldBeAnIndividualWithTheOgrnipOnlyInTheComment()
    {
        var company = Company(new JsonObject { ["name"] = "ИП Иванов", ["legal_name"] = "Индивидуальный предприниматель Иванов Иван Иванович", ["inn"] = "500100732259", ["kpp"] = "773601001", ["ogrn"] = "304500116000157" });
        var document = OrderSource.Document(Deal(), OrderSource.FromCompany(company), [Line("a", 1m, 100m, 0m, "20", true)], invoice: false);

        var xml = await WriteAsync(document);

        TestData.ShouldBeValidCommerceMl(xml);
        var text = Encoding.UTF8.GetString(xml);
        text.ShouldContain("<ПолноеНаименование>Индивидуальный предприниматель Иванов Иван Иванович</ПолноеНаименование>");
        text.ShouldContain("<ИНН>500100732259</ИНН>");
        text.ShouldNotContain("<КПП>");
        text.ShouldNotContain("<ОГРН");
        text.ShouldContain("<Комментарий>ОГРНИП 304500116000157</Комментарий>");
    }

    [Fact]
    public async Task DirtyValues_ShouldBeLeftOutOrCutRatherThanMakeTheFileInvalid()
    {
        var company = Company(new JsonObject { ["name"] = new string('Я', 400) + "\u0001", ["inn"] = "12345", ["kpp"] = "2500000000" });
        var line = Line(new string('x', 120), 1m, 1m, 0m, "13", true);
        var document = OrderSource.Document(Deal(new JsonObject { ["title"] = new string('к', 5000), ["number"] = "N-1" }), OrderSource.FromCompany(company), [line], invoice: false);

        var xml = await WriteAsync(document);

        TestData.ShouldBeValidCommerceMl(xml);
    }

    [Fact]
    public async Task Contact_ShouldBeAPersonWithNameParts()
    {
        var contact = Record("contact", new JsonObject { ["first_name"] = "Анна", ["last_name"] = "Смирнова", ["middle_name"] = "Петровна", ["email"] = "anna@example.com" });
        var document = OrderSource.Document(Deal(), OrderSource.FromContact(contact), [Line("a", 1m, 100m, 0m, "20", true)], invoice: true);

        var xml = await WriteAsync(document);

        TestData.ShouldBeValidCommerceMl(xml);
        var text = Encoding.UTF8.GetString(xml);
        text.ShouldContain("<ПолноеНаименование>Смирнова Анна Петровна</ПолноеНаименование>");
        text.ShouldContain("<ХозОперация>Счет на оплату</ХозОперация>");
        text.ShouldContain("<Тип>Почта</Тип>");
    }

    [Fact]
    public async Task Version208_ShouldBeWrittenWhenAsked()
    {
        using var output = new MemoryStream();
        await using (var writer = new CommerceMlWriter(output, "2.08", DateTimeOffset.UnixEpoch))
        {
            await writer.WriteAsync(GoldenDocument(), CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        Parse(output.ToArray()).Root!.Attribute("ВерсияСхемы")!.Value.ShouldBe("2.08");
        CommerceMlValidator.Validate(new MemoryStream(output.ToArray()), CommerceMlSchemaVersion.V208).ShouldBeEmpty();
    }

    internal static OrderDocument GoldenDocument()
    {
        var company = Company(new JsonObject
        {
            ["name"] = "ПАО Сбербанк",
            ["legal_name"] = "ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО \"СБЕРБАНК РОССИИ\"",
            ["inn"] = "7707083893",
            ["kpp"] = "773601001",
            ["legal_address"] = "117312, г. Москва, ул. Вавилова, д. 19",
            ["email"] = "buyer@example.com",
        });
        return OrderSource.Document(Deal(), OrderSource.FromCompany(company),
        [
            Line("Лицензия CrmKit, 1 пользователь, 12 месяцев", 10m, 1200m, 0m, "20", true, sku: "A-001"),
            Line("Внедрение (час)", 1m, 2400m, 0m, "20", true, unitCode: "356", unit: "ч"),
        ], invoice: false);
    }

    internal static OrderLine Line(string name, decimal quantity, decimal price, decimal discount, string rate, bool included, string? sku = null, string unitCode = "796", string unit = "шт") =>
        OrderSource.Line(Record("deal_line", new JsonObject
        {
            ["name"] = name, ["quantity"] = quantity, ["price"] = price, ["discount_percent"] = discount, ["vat_rate"] = rate, ["vat_included"] = included,
            ["sku"] = sku, ["unit_code"] = unitCode, ["unit"] = unit,
        }), new Dictionary<Guid, CrmRecord>());

    private static CrmRecord Deal(JsonObject? values = null) =>
        Record("deal", values ?? new JsonObject { ["title"] = "Сделка CRM #123", ["number"] = "000123", ["stage"] = "new" });

    private static CrmRecord Company(JsonObject? values = null) => Record("company", values ?? new JsonObject { ["name"] = "ООО Ромашка" });

    private static CrmRecord Record(string entity, JsonObject values) => new()
    {
        Entity = entity,
        Id = Guid.CreateVersion7(),
        Version = 1,
        CreatedAt = new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.Zero),
        CreatedBy = "test",
        UpdatedAt = new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.Zero),
        UpdatedBy = "test",
        Values = values,
    };

    private static async Task<byte[]> WriteAsync(OrderDocument document)
    {
        using var output = new MemoryStream();
        await using (var writer = new CommerceMlWriter(output, "2.10", new DateTimeOffset(2025, 1, 15, 10, 30, 0, TimeSpan.Zero)))
        {
            await writer.WriteAsync(document, CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        return output.ToArray();
    }

    private static XDocument Parse(byte[] xml) => XDocument.Load(new MemoryStream(xml));

    private static string? Value(XDocument document, string path)
    {
        XElement? element = document.Root!.Element(Cml + "Документ");
        foreach (var step in path.Split('/'))
        {
            element = element?.Element(Cml + step);
        }

        return element?.Value;
    }

    private static List<string> Lines(XDocument document) =>
        document.Root!.Element(Cml + "Документ")!.Element(Cml + "Товары")!.Elements(Cml + "Товар")
            .Select(t => string.Join("|", new[] { "Наименование", "ЦенаЗаЕдиницу", "Количество", "Сумма" }.Select(n => t.Element(Cml + n)!.Value))
                + "|" + t.Element(Cml + "БазоваяЕдиница")!.Attribute("Код")!.Value
                + "|" + t.Element(Cml + "Налоги")!.Element(Cml + "Налог")!.Element(Cml + "Сумма")!.Value)
            .ToList();
}
