using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>
/// The docs/security.md example, and every way a sales manager might reach a foreign row or a hidden field: direct read,
/// list and count, filter, sort, select, writes, lookups, history, templates and exports.
/// </summary>
public sealed class SalesScenarioTests(SalesScenarioFixture fixture) : IClassFixture<SalesScenarioFixture>
{
    [Fact]
    public async Task SalesManager_ShouldSeeOwnDealsOnly_WithoutTheMargin()
    {
        var tag = Tag();
        var own = await DealAsync(fixture.Anna, tag, margin: null);
        var foreign = await DealAsync(fixture.Boris, tag, margin: null);
        await SetMarginAsync(own, "12.5");

        var page = await fixture.Anna.GetJsonAsync($"/api/records/deal?count=true&filter={Filter($"title eq '{tag}'")}");

        page["total"]!.GetValue<long>().ShouldBe(1);
        var item = page["items"]!.AsArray().Single()!.AsObject();
        item["id"]!.GetValue<string>().ShouldBe(own);
        item.ContainsKey("margin").ShouldBeFalse();
        (await fixture.Anna.GetJsonAsync($"/api/records/deal/{own}")).ContainsKey("margin").ShouldBeFalse();
        using var other = await fixture.Anna.GetAsync($"/api/records/deal/{foreign}");
        await other.ShouldBeProblemAsync(404, "record.not_found");
    }

    [Fact]
    public async Task HeadOfSales_ShouldSeeTheTeamsDeals_WithTheMarginReadOnly()
    {
        var tag = Tag();
        var annas = await DealAsync(fixture.Anna, tag, null);
        await DealAsync(fixture.Boris, tag, null);
        var petrs = await DealAsync(fixture.Petr, tag, null);
        await SetMarginAsync(annas, "30");

        var page = await fixture.Olga.GetJsonAsync($"/api/records/deal?count=true&filter={Filter($"title eq '{tag}'")}&sort=margin desc");

        page["total"]!.GetValue<long>().ShouldBe(2);
        page["items"]![0]!["margin"]!.ToJsonString().ShouldBe("30");
        using var foreign = await fixture.Olga.GetAsync($"/api/records/deal/{petrs}");
        await foreign.ShouldBeProblemAsync(404, "record.not_found");
        using var write = await fixture.Olga.PatchJsonAsync($"/api/records/deal/{annas}", """{"margin": 1}""");
        (await write.ShouldBeProblemAsync(403, "access.field_read_only")).Pointers().ShouldBe(["/margin"]);
        using var stage = await fixture.Olga.PatchJsonAsync($"/api/records/deal/{annas}", """{"stage": "proposal"}""");
        await stage.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Accountant_ShouldSeeRequisitesAndInvoicesOnly()
    {
        var company = await fixture.Admin.CreateRecordAsync("company",
            """{"name": "ООО Ромашка", "legal_name": "Общество с ограниченной ответственностью «Ромашка»", "inn": "7707083893", "kpp": "773601001", "phone": "+74951234567", "website": "https://romashka.example"}""");
        var id = company["id"]!.GetValue<string>();

        var seen = await fixture.Ivan.GetJsonAsync($"/api/records/company/{id}");

        seen.Select(p => p.Key).Where(k => !IsSystem(k)).Order().ShouldBe(["inn", "kpp", "legal_name", "name"]);
        using var deals = await fixture.Ivan.GetAsync("/api/records/deal");
        await deals.ShouldBeProblemAsync(403, "access.denied");
        var invoice = await fixture.Ivan.CreateRecordAsync("invoice", $$"""{"number": "СЧ-1", "company": "{{id}}", "total": 1000.50}""");
        invoice["total"]!.ToJsonString().ShouldBe("1000.50");
        using var phone = await fixture.Ivan.GetAsync($"/api/records/company?filter={Filter("phone eq '+74951234567'")}");
        (await phone.ShouldBeProblemAsync(403, "access.field_hidden")).Pointers().ShouldBe(["/filter"]);
        using var rename = await fixture.Ivan.PatchJsonAsync($"/api/records/company/{id}", """{"name": "x"}""");
        await rename.ShouldBeProblemAsync(403, "access.denied");
    }

    [Theory]
    [InlineData("filter", "margin gt 0")]
    [InlineData("filter", "title eq 'x' or (not (margin eq 1))")]
    [InlineData("sort", "margin desc")]
    [InlineData("select", "title,margin")]
    public async Task HiddenField_ShouldBeRefused_InEveryPartOfAQuery(string parameter, string value)
    {
        using var response = await fixture.Anna.GetAsync($"/api/records/deal?{parameter}={Filter(value)}");

        var problem = await response.ShouldBeProblemAsync(403, "access.field_hidden");
        problem.Pointers().ShouldBe(["/" + parameter]);
    }

    [Fact]
    public async Task HiddenField_ShouldBeRefused_InWrites_EvenWithItsCurrentValue()
    {
        var id = await DealAsync(fixture.Anna, Tag(), null);

        using var create = await fixture.Anna.PostJsonAsync("/api/records/deal", """{"title": "x", "stage": "new", "margin": 5}""");
        using var update = await fixture.Anna.PatchJsonAsync($"/api/records/deal/{id}", """{"margin": null}""");

        (await create.ShouldBeProblemAsync(403, "access.field_hidden")).Pointers().ShouldBe(["/margin"]);
        (await update.ShouldBeProblemAsync(403, "access.field_hidden")).Pointers().ShouldBe(["/margin"]);
    }

    [Fact]
    public async Task Lookup_ToARecordOutsideTheReadScope_ShouldBeReportedMissing_AndStoreNothing()
    {
        var foreignCompany = (await fixture.Admin.CreateRecordAsync("company", """{"name": "Чужая"}"""))["id"]!.GetValue<string>();
        var ownCompany = (await fixture.Anna.CreateRecordAsync("company", """{"name": "Своя"}"""))["id"]!.GetValue<string>();
        var tag = Tag();

        using var refused = await fixture.Anna.PostJsonAsync("/api/records/deal", $$"""{"title": "{{tag}}", "stage": "new", "company": "{{foreignCompany}}"}""");
        using var allowed = await fixture.Anna.PostJsonAsync("/api/records/deal", $$"""{"title": "{{tag}}", "stage": "new", "company": "{{ownCompany}}"}""");

        (await refused.ShouldBeProblemAsync(422, "validation.failed")).ErrorCodes().ShouldBe(["lookup.not_found"]);
        await allowed.ShouldBeJsonAsync(HttpStatusCode.Created);
        var page = await fixture.Admin.GetJsonAsync($"/api/records/deal?count=true&filter={Filter($"title eq '{tag}'")}");
        page["total"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Template_ShouldRenderOnlyWhatTheViewerMayRead_OfTheRecordAndItsRelatedRecords()
    {
        var template = "security.t" + Tag();
        using (var saved = await fixture.Admin.SendJsonAsync(HttpMethod.Put, "/api/templates/" + template,
            """{"kind": "document", "source": "[{{ record.title }}|{{ record.margin }}|{{ related.company?.name }}]"}"""))
        {
            await saved.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        var company = (await fixture.Admin.CreateRecordAsync("company", """{"name": "Чужая компания"}"""))["id"]!.GetValue<string>();
        var deal = (await fixture.Admin.CreateRecordAsync("deal",
            $$"""{"title": "Сделка", "stage": "new", "margin": 42, "company": "{{company}}", "owner_id": "anna"}"""))["id"]!.GetValue<string>();

        var asAnna = await PreviewAsync(fixture.Anna, template, deal);
        var asAdmin = await PreviewAsync(fixture.Admin, template, deal);

        asAnna.ShouldBe("[Сделка||]");
        asAdmin.ShouldBe("[Сделка|42|Чужая компания]");
        using var foreign = await fixture.Boris.PostJsonAsync($"/api/templates/{template}/preview", $$"""{"entity": "deal", "recordId": "{{deal}}"}""");
        await foreign.ShouldBeProblemAsync(404, "record.not_found");
    }

    [Fact]
    public async Task History_ShouldMaskHiddenFields_AndNotExistForForeignRecords()
    {
        var id = await DealAsync(fixture.Anna, Tag(), null);
        await SetMarginAsync(id, "7");
        using (var stage = await fixture.Anna.PatchJsonAsync($"/api/records/deal/{id}", """{"stage": "proposal"}"""))
        {
            await stage.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        var annas = await fixture.Anna.GetJsonAsync($"/api/records/deal/{id}/history");
        var olgas = await fixture.Olga.GetJsonAsync($"/api/records/deal/{id}/history");

        var items = annas["items"]!.AsArray();
        items.Select(i => i!["operation"]!.GetValue<string>()).ShouldBe(["update", "update", "create"]);
        items[0]!["user"]!["id"]!.GetValue<string>().ShouldBe("anna");
        items[0]!["changes"]![0]!["field"]!.GetValue<string>().ShouldBe("stage");
        items[0]!["changes"]![0]!["new"]!.GetValue<string>().ShouldBe("proposal");
        var margin = items[1]!["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "margin")!.AsObject();
        margin["masked"]!.GetValue<bool>().ShouldBeTrue();
        margin.ContainsKey("new").ShouldBeFalse();
        items[1]!["user"]!["id"]!.GetValue<string>().ShouldBe("admin");
        olgas["items"]![1]!["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "margin")!["new"]!.ToJsonString().ShouldBe("7");
        using var foreign = await fixture.Petr.GetAsync($"/api/records/deal/{id}/history");
        await foreign.ShouldBeProblemAsync(404, "record.not_found");
    }

    [Fact]
    public async Task Export_ShouldNeedTheExportPermission_AndHoldOnlyPermittedRowsAndColumns()
    {
        var tag = Tag();
        var annas = await DealAsync(fixture.Anna, tag, null);
        await DealAsync(fixture.Petr, tag, null);
        await SetMarginAsync(annas, "3.50");

        using var managers = await fixture.Anna.GetAsync($"/api/records/deal/export?filter={Filter($"title eq '{tag}'")}");
        using var heads = await fixture.Olga.GetAsync($"/api/records/deal/export?filter={Filter($"title eq '{tag}'")}");
        using var accountants = await fixture.Ivan.GetAsync("/api/records/company/export");

        await managers.ShouldBeProblemAsync(403, "access.denied");
        var rows = (await heads.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows.Length.ShouldBe(2);
        rows[0].Split(',').ShouldContain("margin");
        rows[1].ShouldContain(annas);
        rows[1].ShouldContain("3.50");
        var header = (await accountants.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n")[0].Split(',');
        header.Where(c => !IsSystem(c)).Order().ShouldBe(["inn", "kpp", "legal_name", "name"]);
    }

    [Theory]
    [InlineData("title,margin", 403, "access.field_hidden")]
    [InlineData("title,nope", 400, "query.unknown_field")]
    public async Task ExportSelect_ShouldBeCheckedLikeAQuerySelect(string select, int status, string code)
    {
        using var response = await fixture.Olga.GetAsync($"/api/records/deal/export?select={select}");
        using var hidden = await fixture.Ivan.GetAsync("/api/records/company/export?select=name,phone");

        if (status == 403)
        {
            await hidden.ShouldBeProblemAsync(403, "access.field_hidden");
        }
        else
        {
            await response.ShouldBeProblemAsync(status, code);
        }
    }

    [Fact]
    public async Task Me_ShouldDescribeTheEffectiveAccess()
    {
        var me = await fixture.Anna.GetJsonAsync("/api/me");

        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["sales_manager"]);
        me["teams"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["sales"]);
        me["entities"]!["deal"]!["read"]!.GetValue<string>().ShouldBe("own");
        me["entities"]!["deal"]!["fields"]!["margin"]!.GetValue<string>().ShouldBe("hidden");
        me["entities"]!["contact"]!["read"]!.GetValue<string>().ShouldBe("none");
        me["entities"]!["contact"]!["fields"]!.AsObject().ShouldBeEmpty("an entity granted nothing lists no field");
        me["unrestricted"]!.GetValue<bool>().ShouldBeFalse();
    }

    private static string Tag() => Guid.NewGuid().ToString("N")[..12];

    private static string Filter(string text) => Uri.EscapeDataString(text);

    private static bool IsSystem(string name) =>
        name is "id" or "version" or "created_at" or "created_by" or "updated_at" or "updated_by" or "owner_id" or "deleted_at";

    private static async Task<string> DealAsync(CrmApi api, string title, string? margin) =>
        (await api.CreateRecordAsync("deal", $$"""{"title": "{{title}}", "stage": "new"}"""))["id"]!.GetValue<string>();

    private async Task SetMarginAsync(string id, string margin)
    {
        using var response = await fixture.Admin.PatchJsonAsync($"/api/records/deal/{id}", $$"""{"margin": {{margin}}}""");
        await response.ShouldBeJsonAsync(HttpStatusCode.OK);
    }

    private static async Task<string> PreviewAsync(CrmApi api, string template, string deal)
    {
        using var response = await api.PostJsonAsync($"/api/templates/{template}/preview", $$"""{"entity": "deal", "recordId": "{{deal}}"}""");
        return (await response.ShouldBeJsonAsync(HttpStatusCode.OK))["text"]!.GetValue<string>();
    }
}
