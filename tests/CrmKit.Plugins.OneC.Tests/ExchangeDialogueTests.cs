using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CrmKit.Plugins.OneC.Tests.Infrastructure;

namespace CrmKit.Plugins.OneC.Tests;

/// <summary>
/// The stock server with the published plugin loaded from its plugins folder, driven over real HTTP on a loopback
/// Kestrel port the way 1C drives a site: checkauth → cookie → init → query → success → file uploads.
/// </summary>
public sealed class ExchangeDialogueTests : IDisposable
{
    private static readonly XNamespace Cml = "urn:1C.ru:commerceml_2";
    private readonly OneCServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Plugin_ShouldLoadThroughTheRuntimeIntoTheStockServer()
    {
        using var admin = _server.Admin();

        var status = JsonNode.Parse(await admin.GetStringAsync("/api/plugins/crmkit.onec"))!;

        ((string)status["state"]!).ShouldBe("loaded", status.ToJsonString());
        ((string)status["source"]!).ShouldEndWith(Path.Combine("plugins", "crmkit.onec"));
        string[] expected = ["entity:product", "entity:deal_line", "http-endpoint:onec-exchange", "accounting-exporter:commerceml-2.10", "workflow-action:crmkit.onec.export"];
        expected.ShouldBeSubsetOf(status["registered"]!.AsArray().Select(n => (string)n!));
        _server.ClientOptions.BaseAddress.Host.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task FullDialogue_ShouldSendChangedOrdersOnceConfirmedAndTakeUploads()
    {
        await _server.ConfigureExchangeAsync();
        using var admin = _server.Admin();
        var deal = await CreateOrderAsync(admin, "Лицензии", 3);
        var onec = _server.OneC();

        (await onec.CheckAuthAsync())[0].ShouldBe("success");
        onec.Cookie.ShouldStartWith("CRMKIT_1C=");
        (await onec.GetLinesAsync("type=sale&mode=init")).ShouldBe(["zip=no", "file_limit=65536", "version=2.10", ""]);

        var first = await onec.GetBytesAsync("type=sale&mode=query");
        TestData.ShouldBeValidCommerceMl(first);
        var documents = XDocument.Load(new MemoryStream(first)).Root!.Elements(Cml + "Документ").ToList();
        documents.Select(d => (string)d.Element(Cml + "Ид")!).ShouldBe([deal]);
        documents[0].Element(Cml + "Товары")!.Elements(Cml + "Товар").Count().ShouldBe(3);

        // Not confirmed yet: the same orders come again.
        var again = await onec.GetBytesAsync("type=sale&mode=query");
        XDocument.Load(new MemoryStream(again)).Root!.Elements(Cml + "Документ").Count().ShouldBe(1);
        (await onec.GetLinesAsync("type=sale&mode=success"))[0].ShouldBe("success");

        // Confirmed: nothing changed since, so the next answer is an empty, still valid, document.
        var empty = await onec.GetBytesAsync("type=sale&mode=query");
        TestData.ShouldBeValidCommerceMl(empty);
        XDocument.Load(new MemoryStream(empty)).Root!.Elements(Cml + "Документ").ShouldBeEmpty();
        (await onec.GetLinesAsync("type=sale&mode=success"))[0].ShouldBe("success");

        // 1C uploads the order back with its status, payment and shipment.
        var upload = first.AsSpan().ToArray();
        var text = Encoding.UTF8.GetString(upload).Replace("<ЗначенияРеквизитов>\n      <ЗначениеРеквизита>", """
            <ЗначенияРеквизитов>
                  <ЗначениеРеквизита><Наименование>Номер оплаты по 1С</Наименование><Значение>ТДЦУ-000001</Значение></ЗначениеРеквизита>
                  <ЗначениеРеквизита><Наименование>Дата оплаты по 1С</Наименование><Значение>2026-12-01T15:39:10</Значение></ЗначениеРеквизита>
                  <ЗначениеРеквизита><Наименование>Статус заказа</Наименование><Значение>[F] Выполнен</Значение></ЗначениеРеквизита>
                  <ЗначениеРеквизита>
            """, StringComparison.Ordinal);
        text.ShouldNotBe(Encoding.UTF8.GetString(upload));
        (await onec.PostFileAsync("sale", "orders.xml", Encoding.UTF8.GetBytes(text)))[0].ShouldBe("success");

        var updated = await admin.GetRecordAsync("deal", deal);
        ((string)updated["onec_payment_number"]!).ShouldBe("ТДЦУ-000001");
        ((string)updated["onec_paid_at"]!).ShouldStartWith("2026-12-01T15:39:10");
        // What CrmKit sent came back with CrmKit's own ids: the same deal, company and product, nothing duplicated.
        (await admin.ListAsync("deal")).Count.ShouldBe(1);
        (await admin.ListAsync("deal_line", $"deal eq {deal}")).Count.ShouldBe(3);
        (await admin.ListAsync("company")).Count.ShouldBe(1);
        (await admin.ListAsync("product")).Count.ShouldBe(1);
        (await admin.ListAsync("company")).Single()["onec_id"].ShouldBeNull();
        (await admin.GetRecordAsync("deal", deal))["amount"]!["amount"].Number().ShouldBe(7200m);   // 1 + 2 + 3 × 1200

        // The import changed the deal: it goes to 1C again with the next query.
        var next = await onec.GetBytesAsync("type=sale&mode=query");
        XDocument.Load(new MemoryStream(next)).Root!.Elements(Cml + "Документ").Count().ShouldBe(1);
        var log = await admin.ListAsync("onec_exchange");
        log.Count(l => (string)l["kind"]! == "sale_query").ShouldBe(4);
        log.Count(l => (string)l["status"]! == "confirmed").ShouldBe(2);
        log.ShouldContain(l => (string)l["kind"]! == "sale_file" && (string)l["status"]! == "imported");
    }

    [Fact]
    public async Task OutOfOrderCalls_ShouldBeAnsweredFailureWithAReason()
    {
        await _server.ConfigureExchangeAsync();
        var onec = _server.OneC();

        (await onec.GetLinesAsync("type=sale&mode=init"))[0..2].ShouldBe(["failure", "onec.not_authorized: Нет действующего сеанса: сначала вызовите mode=checkauth и передавайте его cookie."]);
        onec.Cookie = "CRMKIT_1C=forged";
        (await onec.GetLinesAsync("type=sale&mode=query"))[1].ShouldStartWith("onec.not_authorized");
        (await _server.OneC(password: "wrong").CheckAuthAsync())[0..2].ShouldBe(["failure", "onec.invalid_credentials: Неверное имя пользователя или пароль (HTTP Basic)."]);

        await onec.CheckAuthAsync("catalog");
        (await onec.GetLinesAsync("type=sale&mode=success"))[1].ShouldStartWith("onec.nothing_to_confirm");
        (await onec.GetLinesAsync("type=catalog&mode=import&filename=import.xml"))[1].ShouldStartWith("onec.file_not_uploaded");
        (await onec.GetLinesAsync("type=catalog&mode=query"))[1].ShouldStartWith("onec.unknown_mode");
        (await onec.GetLinesAsync("type=catalog&mode=import&filename=../../etc/passwd"))[1].ShouldStartWith("onec.file_not_uploaded");
        (await onec.GetLinesAsync("type=catalog&mode=import&filename=a%20b.xml"))[1].ShouldStartWith("onec.invalid_filename");
        (await onec.GetLinesAsync("type=stock&mode=init"))[1].ShouldStartWith("onec.unknown_type");
    }

    [Fact]
    public async Task ExchangeWithoutCredentialsConfigured_ShouldRefuseEverything()
    {
        var onec = _server.OneC();

        (await onec.CheckAuthAsync())[1].ShouldStartWith("onec.not_configured");
    }

    [Fact]
    public async Task CatalogUpload_ShouldImportProductsThenPricesInParts()
    {
        await _server.ConfigureExchangeAsync();
        using var admin = _server.Admin();
        var onec = _server.OneC();
        await onec.CheckAuthAsync("catalog");
        (await onec.GetLinesAsync("type=catalog&mode=init"))[0].ShouldBe("zip=no");

        // import.xml is 164 KB and file_limit is 64 KB: 1C sends it in three parts.
        var import = TestData.Bytes("1c-import0_1-2.07.xml");
        foreach (var part in import.Chunk(65536))
        {
            (await onec.PostFileAsync("catalog", "import0_1.xml", part))[0].ShouldBe("success");
        }

        (await onec.GetLinesAsync("type=catalog&mode=import&filename=import0_1.xml"))[0].ShouldBe("success");
        var products = await admin.ListAsync("product");
        products.Count.ShouldBe(36);
        var mat = products.Single(p => (string?)p["onec_id"] == "bd8c4e15-18f9-11e7-80c2-0cc47ab29cd1");
        ((string)mat["sku"]!).ShouldBe("PM-421-WP");
        ((string)mat["vat_rate"]!).ShouldBe("20");
        ((string)mat["unit_code"]!).ShouldBe("796");
        mat["price"].ShouldBeNull();

        foreach (var part in TestData.Bytes("1c-offers0_1-2.07.xml").Chunk(65536))
        {
            (await onec.PostFileAsync("catalog", "offers0_1.xml", part))[0].ShouldBe("success");
        }

        (await onec.GetLinesAsync("type=catalog&mode=import&filename=offers0_1.xml"))[0].ShouldBe("success");
        (await onec.GetLinesAsync("type=catalog&mode=deactivate"))[0].ShouldBe("success");
        (await onec.GetLinesAsync("type=catalog&mode=complete"))[0].ShouldBe("success");
        products = await admin.ListAsync("product");
        products.Count.ShouldBe(44);   // 36 updated with prices, 8 offers of products the catalogue did not list
        mat = products.Single(p => (string?)p["onec_id"] == "bd8c4e15-18f9-11e7-80c2-0cc47ab29cd1");
        mat["price"].Number().ShouldBe(100m);
        mat["stock"].Number().ShouldBe(377m);

        // The staged file is gone once imported; importing it again is out of order.
        (await onec.GetLinesAsync("type=catalog&mode=import&filename=offers0_1.xml"))[1].ShouldStartWith("onec.file_not_uploaded");
    }

    [Theory]
    [InlineData("1c-orders-documents-2.09.xml", 2, 1, 0, 4, 3)]   // one product twice; the delivery pseudo-line is a product too
    [InlineData("bitrix-orders-2.05-cp1251.xml", 2, 0, 2, 8, 8)]
    [InlineData("bitrix-orders-empty-2.05-cp1251.xml", 0, 0, 0, 0, 0)]
    public async Task RealOrderFiles_ShouldImportWithoutErrors(string file, int deals, int companies, int contacts, int lines, int products)
    {
        await _server.ConfigureExchangeAsync(new JsonObject { ["fileLimit"] = 1024 * 1024 });
        using var admin = _server.Admin();
        var onec = _server.OneC();
        await onec.CheckAuthAsync();

        (await onec.PostFileAsync("sale", file, TestData.Bytes(file))).ShouldBe(["success", ""]);

        (await admin.ListAsync("deal")).Count.ShouldBe(deals);
        (await admin.ListAsync("company")).Count.ShouldBe(companies);
        (await admin.ListAsync("contact")).Count.ShouldBe(contacts);
        (await admin.ListAsync("deal_line")).Count.ShouldBe(lines);
        (await admin.ListAsync("product")).Count.ShouldBe(products);
    }

    [Fact]
    public async Task SaleFileInParts_ShouldBeImportedWhenTheLastPartArrives()
    {
        await _server.ConfigureExchangeAsync();   // file_limit 64 KiB
        using var admin = _server.Admin();
        var onec = _server.OneC();
        await onec.CheckAuthAsync();
        // The Bitrix answer (25 KB, windows-1251) padded with a 120 KB comment: parts of 65,536, 65,536 and the rest.
        var bitrix = TestData.Bytes("bitrix-orders-2.05-cp1251.xml");
        var afterDeclaration = Array.IndexOf(bitrix, (byte)'>') + 1;
        byte[] padded = [.. bitrix[..afterDeclaration], .. Encoding.ASCII.GetBytes("\n<!--" + new string('x', 120_000) + "-->"), .. bitrix[afterDeclaration..]];
        var parts = padded.Chunk(65536).ToList();
        parts.Count.ShouldBe(3);

        (await onec.PostFileAsync("sale", "orders.xml", parts[0]))[0].ShouldBe("success");
        (await onec.PostFileAsync("sale", "orders.xml", parts[1]))[0].ShouldBe("success");
        (await admin.ListAsync("deal")).ShouldBeEmpty();
        (await onec.PostFileAsync("sale", "orders.xml", parts[2]))[0].ShouldBe("success");

        (await admin.ListAsync("deal")).Count.ShouldBe(2);
        // 1C versions that follow with mode=import get success; nothing is imported twice.
        (await onec.GetLinesAsync("type=sale&mode=import&filename=orders.xml"))[0].ShouldBe("success");
        (await admin.ListAsync("deal")).Count.ShouldBe(2);
        (await admin.ListAsync("onec_exchange")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task OneC209Orders_ShouldCarryStatusPaymentBuyerAndExactTotals()
    {
        await _server.ConfigureExchangeAsync(new JsonObject { ["fileLimit"] = 1024 * 1024 });
        using var admin = _server.Admin();
        var onec = _server.OneC();
        await onec.CheckAuthAsync();

        await onec.PostFileAsync("sale", "orders.xml", TestData.Bytes("1c-orders-documents-2.09.xml"));

        var company = (await admin.ListAsync("company")).ShouldHaveSingleItem();
        ((string)company["name"]!).ShouldBe("Kikinda (Сербия)");
        var deal = (await admin.ListAsync("deal", "onec_id eq '142'")).ShouldHaveSingleItem();
        ((string)deal["number"]!).ShouldBe("142");
        ((string)deal["company"]!).ShouldBe(company.Id());
        ((string)deal["onec_status"]!).ShouldBe("P");
        ((string)deal["onec_payment_number"]!).ShouldBe("ТДЦУ-000001");
        ((string)deal["onec_shipped_at"]!).ShouldStartWith("2015-06-29T17:32:27");
        // VAT 18% on top of the lines, as the file says: the deal's totals are the file's own 8186.84 and 1248.84.
        deal["amount"]!["amount"].Number().ShouldBe(8186.84m);
        deal["vat_amount"].Number().ShouldBe(1248.84m);
    }

    [Fact]
    public async Task PaymentDocuments_ShouldMarkTheirOrderPaidAndUnknownOnesShouldBeSkipped()
    {
        await _server.ConfigureExchangeAsync(new JsonObject { ["fileLimit"] = 1024 * 1024 });
        using var admin = _server.Admin();
        var deal = await CreateOrderAsync(admin, "Оплачиваемый", 1);
        var onec = _server.OneC();
        await onec.CheckAuthAsync();
        const string payments = """
            <?xml version="1.0" encoding="UTF-8"?>
            <КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.10" ДатаФормирования="2026-12-02T10:00:00">
              <Документ><Ид>pay-1</Ид><Номер>ПП-17</Номер><Дата>2026-12-02</Дата><Время>09:15:00</Время>
                <ХозОперация>Выплата безналичных денег</ХозОперация><Роль>Продавец</Роль><Валюта>RUB</Валюта><Курс>1</Курс><Сумма>1200.00</Сумма>
                <ЗначенияРеквизитов><ЗначениеРеквизита><Наименование>Номер заказа</Наименование><Значение>D-1</Значение></ЗначениеРеквизита></ЗначенияРеквизитов>
              </Документ>
              <Документ><Ид>pay-2</Ид><Номер>ПП-18</Номер><Дата>2026-12-02</Дата>
                <ХозОперация>Выплата наличных денег</ХозОперация><Роль>Продавец</Роль><Валюта>RUB</Валюта><Курс>1</Курс><Сумма>5.00</Сумма>
                <ЗначенияРеквизитов><ЗначениеРеквизита><Наименование>Номер заказа</Наименование><Значение>NO-SUCH</Значение></ЗначениеРеквизита></ЗначенияРеквизитов>
              </Документ>
            </КоммерческаяИнформация>
            """;

        (await onec.PostFileAsync("sale", "payments.xml", Encoding.UTF8.GetBytes(payments)))[0].ShouldBe("success");

        var paid = await admin.GetRecordAsync("deal", deal);
        ((string)paid["onec_payment_number"]!).ShouldBe("ПП-17");
        ((string)paid["onec_paid_at"]!).ShouldStartWith("2026-12-02T09:15:00");
        (await admin.ListAsync("deal")).Count.ShouldBe(1);
        ((int)(await admin.ListAsync("onec_exchange")).Single()["documents"]!).ShouldBe(1);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><КоммерческаяИнформация><Документ><Ид>&b;</Ид></Документ></КоммерческаяИнформация>", "onec.import_dtd_prohibited")]
    [InlineData("<?xml version=\"1.0\"?><КоммерческаяИнформация><Документ><Ид>1</Ид><Номер>1</Номер>", "onec.import_malformed")]
    public async Task BadFiles_ShouldImportNothing(string xml, string code)
    {
        await _server.ConfigureExchangeAsync(new JsonObject { ["fileLimit"] = 1024 * 1024 });
        using var admin = _server.Admin();
        var onec = _server.OneC();
        await onec.CheckAuthAsync();

        var answer = await onec.PostFileAsync("sale", "orders.xml", Encoding.UTF8.GetBytes(xml));

        answer[0].ShouldBe("failure");
        answer[1].ShouldStartWith(code);
        (await admin.ListAsync("deal")).ShouldBeEmpty();
        (await admin.ListAsync("onec_exchange")).ShouldBeEmpty();
    }

    [Fact]
    public async Task FailureHalfwayThroughAFile_ShouldRollBackEverythingItWrote()
    {
        await _server.ConfigureExchangeAsync(new JsonObject { ["fileLimit"] = 1024 * 1024 });
        using var admin = _server.Admin();
        var onec = _server.OneC();
        await onec.CheckAuthAsync();
        // The second document's line has a negative quantity, which the deal_line schema refuses (minimum 0): the
        // first document, its buyer and its lines were already written in the transaction when it fails.
        var text = File.ReadAllText(TestData.PathOf("1c-orders-documents-2.09.xml"));
        var second = text.LastIndexOf("<Количество>1</Количество>", StringComparison.Ordinal);
        text = text[..second] + "<Количество>-1</Количество>" + text[(second + "<Количество>1</Количество>".Length)..];

        var answer = await onec.PostFileAsync("sale", "orders.xml", Encoding.UTF8.GetBytes(text));

        answer[0].ShouldBe("failure");
        (await admin.ListAsync("deal")).ShouldBeEmpty();
        (await admin.ListAsync("company")).ShouldBeEmpty();
        (await admin.ListAsync("product")).ShouldBeEmpty();
        var log = (await admin.ListAsync("onec_exchange")).ShouldHaveSingleItem();
        ((string)log["status"]!).ShouldBe("failed");
    }

    [Fact]
    public async Task OversizedPart_ShouldBeRefusedAndNothingStaged()
    {
        await _server.ConfigureExchangeAsync();
        var onec = _server.OneC();
        await onec.CheckAuthAsync("catalog");

        var answer = await onec.PostFileAsync("catalog", "import.xml", new byte[65537]);

        answer[1].ShouldStartWith("onec.file_too_large");
        (await onec.GetLinesAsync("type=catalog&mode=import&filename=import.xml"))[1].ShouldStartWith("onec.file_not_uploaded");
    }

    internal static async Task<string> CreateOrderAsync(HttpClient admin, string title, int lines)
    {
        var company = await admin.CreateAsync("company", new JsonObject { ["name"] = "ООО Ромашка", ["legal_name"] = "Общество с ограниченной ответственностью \"Ромашка\"", ["email"] = "buy@romashka.example" });
        var product = await admin.CreateAsync("product", new JsonObject { ["name"] = "Лицензия CrmKit", ["sku"] = "A-001", ["unit"] = "шт", ["unit_code"] = "796", ["price"] = 1200, ["vat_rate"] = "20", ["kind"] = "service" });
        var deal = await admin.CreateAsync("deal", new JsonObject { ["title"] = title, ["stage"] = "new", ["company"] = company.Id(), ["number"] = "D-1" });
        for (var i = 0; i < lines; i++)
        {
            await admin.CreateAsync("deal_line", new JsonObject { ["deal"] = deal.Id(), ["product"] = product.Id(), ["quantity"] = i + 1, ["position"] = i + 1 });
        }

        return deal.Id();
    }

    internal static Task<HttpResponseMessage> PutAsync(HttpClient client, string url, JsonObject body) => client.PutAsJsonAsync(url, body);
}
