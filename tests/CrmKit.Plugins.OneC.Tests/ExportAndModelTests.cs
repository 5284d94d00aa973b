using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CrmKit.Plugins.OneC.Tests.Infrastructure;

namespace CrmKit.Plugins.OneC.Tests;

/// <summary>Products, deal lines and their totals over REST; the accounting export endpoint; the workflow action.</summary>
public sealed class ExportAndModelTests : IDisposable
{
    private static readonly XNamespace Cml = "urn:1C.ru:commerceml_2";
    private readonly OneCServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task DealLines_ShouldTakeProductDefaultsAndKeepTheDealsTotalsExact()
    {
        using var admin = _server.Admin();
        var product = await admin.CreateAsync("product", new JsonObject { ["name"] = "Внедрение (час)", ["sku"] = "IMPL", ["unit"] = "ч", ["unit_code"] = "356", ["price"] = 33.33m, ["vat_rate"] = "20" });
        var deal = await admin.CreateAsync("deal", new JsonObject { ["title"] = "Внедрение", ["stage"] = "new" });

        var line = await admin.CreateAsync("deal_line", new JsonObject { ["deal"] = deal.Id(), ["product"] = product.Id(), ["quantity"] = 3, ["discount_percent"] = 7.5m });
        await admin.CreateAsync("deal_line", new JsonObject { ["deal"] = deal.Id(), ["name"] = "Лицензия", ["quantity"] = 1, ["price"] = 3338, ["vat_rate"] = "18", ["vat_included"] = false });

        ((string)line["name"]!).ShouldBe("Внедрение (час)");
        ((string)line["unit_code"]!).ShouldBe("356");
        line["price"].Number().ShouldBe(33.33m);
        line["discount"].Number().ShouldBe(7.50m);
        line["amount"].Number().ShouldBe(92.49m);
        line["vat_amount"].Number().ShouldBe(15.42m);
        var stored = await admin.GetRecordAsync("deal", deal.Id());
        stored["amount"]!["amount"].Number().ShouldBe(92.49m + 3938.84m);
        stored["vat_amount"].Number().ShouldBe(15.42m + 600.84m);

        // A client cannot store totals that disagree with the line.
        var patched = await admin.PatchAsJsonAsync($"/api/records/deal_line/{line.Id()}", new JsonObject { ["quantity"] = 1, ["amount"] = 1_000_000 });
        var after = JsonNode.Parse(await patched.Content.ReadAsStringAsync())!;
        after["amount"].Number().ShouldBe(30.83m);   // 33.33 − 2.50 (7.5% of 33.33 = 2.49975 → 2.50)
        (await admin.GetRecordAsync("deal", deal.Id()))["amount"]!["amount"].Number().ShouldBe(30.83m + 3938.84m);

        await admin.DeleteAsync($"/api/records/deal_line/{line.Id()}");
        (await admin.GetRecordAsync("deal", deal.Id()))["amount"]!["amount"].Number().ShouldBe(3938.84m);
    }

    [Fact]
    public async Task LineWithoutDeal_ShouldBeRefusedWithAPointer()
    {
        using var admin = _server.Admin();

        var response = await admin.PostAsJsonAsync("/api/records/deal_line", new JsonObject { ["name"] = "x", ["quantity"] = 1 });

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        ((string)problem["code"]!).ShouldBe("deal_line.deal_required");
        ((string)problem["errors"]![0]!["pointer"]!).ShouldBe("/deal");
    }

    [Fact]
    public async Task ExportEndpoint_ShouldStreamValidCommerceMlWithInvoicesAndSkipDealsWithoutBuyerOrLines()
    {
        using var admin = _server.Admin();
        var order = await ExchangeDialogueTests.CreateOrderAsync(admin, "Заказ", 2);
        await admin.PatchAsJsonAsync($"/api/records/deal/{order}", new JsonObject { ["invoice_number"] = "СЧ-7", ["invoice_date"] = "2026-12-01" });
        await admin.CreateAsync("deal", new JsonObject { ["title"] = "Без строк", ["stage"] = "new" });

        var response = await admin.GetAsync("/api/integrations/accounting/commerceml-2.10/export");
        var xml = await response.Content.ReadAsByteArrayAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/xml");
        TestData.ShouldBeValidCommerceMl(xml);
        var documents = XDocument.Load(new MemoryStream(xml)).Root!.Elements(Cml + "Документ").ToList();
        documents.Select(d => (string)d.Element(Cml + "ХозОперация")!).ShouldBe(["Заказ товара", "Счет на оплату"]);
        var ids = documents.Select(d => d.Element(Cml + "Ид")!.Value).ToList();
        ids.ShouldBeUnique();
        ids.ShouldAllBe(id => id.Length <= 40);
        documents[1].Element(Cml + "Номер")!.Value.ShouldBe("СЧ-7");
        documents[1].Element(Cml + "Дата")!.Value.ShouldBe("2026-12-01");
        // 1 × 1200 + 2 × 1200, VAT 20% included: 3600.00 with 600.00 of VAT.
        documents[0].Element(Cml + "Сумма")!.Value.ShouldBe("3600.00");
        documents[0].Element(Cml + "Налоги")!.Element(Cml + "Налог")!.Element(Cml + "Сумма")!.Value.ShouldBe("600.00");
        documents[0].Descendants(Cml + "ВидНоменклатуры").ShouldBeEmpty();
        documents[0].Descendants(Cml + "Значение").Select(v => v.Value).ShouldContain("Услуга");
    }

    [Fact]
    public async Task ExportEndpoint_ShouldFilterByDealAndSinceAndRefuseBadParameters()
    {
        using var admin = _server.Admin();
        var first = await ExchangeDialogueTests.CreateOrderAsync(admin, "Первый", 1);
        var second = await ExchangeDialogueTests.CreateOrderAsync(admin, "Второй", 1);

        var one = await admin.GetByteArrayAsync($"/api/integrations/accounting/commerceml-2.10/export?id={second}");
        XDocument.Load(new MemoryStream(one)).Root!.Elements(Cml + "Документ").Select(d => d.Element(Cml + "Ид")!.Value).ShouldBe([second]);
        var future = await admin.GetByteArrayAsync("/api/integrations/accounting/commerceml-2.10/export?since=2999-01-01");
        XDocument.Load(new MemoryStream(future)).Root!.Elements(Cml + "Документ").ShouldBeEmpty();
        var all = await admin.GetByteArrayAsync("/api/integrations/accounting/commerceml-2.10/export?since=2000-01-01T00:00:00Z");
        XDocument.Load(new MemoryStream(all)).Root!.Elements(Cml + "Документ").Count().ShouldBe(2);
        _ = first;

        (await Problem(admin, "/api/integrations/accounting/commerceml-2.10/export?since=yesterday")).ShouldBe((400, "export.invalid_since"));
        (await Problem(admin, "/api/integrations/accounting/commerceml-2.10/export?id=42")).ShouldBe((400, "export.invalid_id"));
        (await Problem(admin, "/api/integrations/accounting/commerceml-2.10/export?entity=company")).ShouldBe((400, "export.entity_not_supported"));
        (await Problem(admin, "/api/integrations/accounting/csv-acme/export")).ShouldBe((404, "export.format_not_found"));
        (await Problem(_server.Anonymous(), "/api/integrations/accounting/commerceml-2.10/export")).ShouldBe((401, "auth.required"));
    }

    [Fact]
    public async Task DisabledPlugin_ShouldTakeItsEndpointAndExporterAwayAndEnablingShouldBringThemBack()
    {
        await _server.ConfigureExchangeAsync();
        using var admin = _server.Admin();

        (await admin.PostAsync("/api/plugins/crmkit.onec/disable", null)).EnsureSuccessStatusCode();

        (await Problem(_server.Anonymous(), "/api/ext/onec-exchange?type=sale&mode=checkauth")).ShouldBe((404, "endpoint.not_found"));
        (await Problem(admin, "/api/integrations/accounting/commerceml-2.10/export")).ShouldBe((404, "export.format_not_found"));

        (await admin.PostAsync("/api/plugins/crmkit.onec/enable", null)).EnsureSuccessStatusCode();
        (await _server.OneC().CheckAuthAsync())[0].ShouldBe("success");
    }

    [Fact]
    public async Task ExtensionEndpoints_ShouldAnswer404ForUnknownNames()
    {
        (await Problem(_server.Anonymous(), "/api/ext/no-such-endpoint")).ShouldBe((404, "endpoint.not_found"));
    }

    [Fact]
    public async Task WorkflowAction_ShouldWriteTheDealAsAValidFile()
    {
        await _server.ConfigureExchangeAsync();
        using var admin = _server.Admin();
        var deal = await ExchangeDialogueTests.CreateOrderAsync(admin, "Из процесса", 2);
        var saved = await admin.PutAsJsonAsync("/api/workflows/to-1c", new JsonObject
        {
            ["name"] = "to-1c", ["enabled"] = true,
            ["trigger"] = new JsonObject { ["type"] = "manual", ["entity"] = "deal" },
            ["steps"] = new JsonArray(new JsonObject { ["id"] = "export", ["action"] = "crmkit.onec.export", ["parameters"] = new JsonObject() }),
        });
        saved.IsSuccessStatusCode.ShouldBeTrue(await saved.Content.ReadAsStringAsync());

        var started = await admin.PostAsJsonAsync("/api/workflows/to-1c/runs", new JsonObject { ["entity"] = "deal", ["recordId"] = deal });
        started.IsSuccessStatusCode.ShouldBeTrue(await started.Content.ReadAsStringAsync());
        var runId = (string)JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!;
        JsonNode run;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(100);
            run = JsonNode.Parse(await admin.GetStringAsync($"/api/workflow-runs/{runId}"))!;
        }
        while ((string)run["status"]! is not ("completed" or "failed") && DateTime.UtcNow < deadline);

        ((string)run["status"]!).ShouldBe("completed", run.ToJsonString());
        var file = Path.Combine(_server.ExportDirectory, deal + ".xml");
        TestData.ShouldBeValidCommerceMl(File.ReadAllBytes(file));
        XDocument.Load(file).Root!.Element(Cml + "Документ")!.Element(Cml + "Ид")!.Value.ShouldBe(deal);
        Directory.GetFiles(_server.ExportDirectory).ShouldHaveSingleItem();
    }

    private static async Task<(int, string)> Problem(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((int)response.StatusCode, (string)body["code"]!);
    }
}
