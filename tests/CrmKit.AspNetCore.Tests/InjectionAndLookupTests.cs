using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests;

/// <summary>
/// SQL-looking input in values, filters, sort and names; unknown entities; stale versions; forged and corrupted cursors;
/// lookups to missing records. Every refused request writes nothing and leaves the tables intact.
/// </summary>
public sealed class InjectionAndLookupTests : IClassFixture<CrmKitServerFactory>
{
    private const string Sql = "x'); DROP TABLE contact; --";

    private readonly CrmApi _api;

    public InjectionAndLookupTests(CrmKitServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task SqlInValues_ShouldBeStoredLiterally()
    {
        var entity = await _api.CreateWidgetAsync();
        var values = new JsonObject { ["name"] = Sql, ["note"] = "1; DELETE FROM sqlite_master; SELECT * FROM \"x\" WHERE '1'='1" };

        var created = await _api.CreateRecordAsync(entity, values.ToJsonString());

        var read = await _api.GetJsonAsync($"/api/records/{entity}/{created["id"]}");
        read["name"]!.GetValue<string>().ShouldBe(Sql);
        read["note"]!.GetValue<string>().ShouldBe(values["note"]!.GetValue<string>());
        var found = await _api.GetJsonAsync($"/api/records/{entity}?filter={Uri.EscapeDataString("name eq 'x''); DROP TABLE contact; --'")}");
        found["items"]!.AsArray().Count.ShouldBe(1);
        await ShouldBeIntactAsync();
    }

    [Theory]
    [InlineData("name eq 'x'; DROP TABLE contact; --")]
    [InlineData("name eq 'x' OR 1=1")]
    [InlineData("name eq 'x' or '1'='1'")]
    [InlineData("1=1")]
    [InlineData("name eq x); DROP TABLE contact")]
    [InlineData("\"name\"\" = 1; --\" eq 'x'")]
    public async Task SqlInFilters_ShouldReturn400(string filter)
    {
        var entity = await SeedAsync();

        using var response = await _api.GetAsync($"/api/records/{entity}?filter={Uri.EscapeDataString(filter)}");

        var problem = await response.ShouldBeProblemAsync(400, "query.invalid_filter");
        problem.Pointers().ShouldBe(["/filter"]);
        await ShouldBeIntactAsync(entity);
    }

    [Fact]
    public async Task QuotedSqlInAFilterLiteral_ShouldMatchNothing()
    {
        var entity = await SeedAsync();

        var page = await _api.GetJsonAsync($"/api/records/{entity}?filter={Uri.EscapeDataString("name eq 'x'' OR ''1''=''1'")}");

        page["items"]!.AsArray().Count.ShouldBe(0);
        await ShouldBeIntactAsync(entity);
    }

    [Theory]
    [InlineData("name; DROP TABLE contact", "query.invalid_sort")]
    [InlineData("name desc, (SELECT 1)", "query.unknown_field")]
    [InlineData("json_extract(data, '$.name')", "query.unknown_field")]
    [InlineData("name asc desc", "query.invalid_sort")]
    [InlineData("name; --", "query.unknown_field")]
    public async Task SqlInSort_ShouldReturn400(string sort, string code)
    {
        var entity = await SeedAsync();

        using var response = await _api.GetAsync($"/api/records/{entity}?sort={Uri.EscapeDataString(sort)}");

        var problem = await response.ShouldBeProblemAsync(400, code);
        problem.Pointers().ShouldBe(["/sort"]);
        await ShouldBeIntactAsync(entity);
    }

    [Theory]
    [InlineData("name\"; DROP TABLE contact; --")]
    [InlineData("Name")]
    [InlineData("x y")]
    public async Task SqlInFieldNames_ShouldBeRefused(string name)
    {
        var entity = await SeedAsync();
        var body = new JsonObject { ["name"] = name, ["schema"] = new JsonObject { ["x-crm-type"] = "string" } };

        using var response = await _api.PostJsonAsync($"/api/metadata/entities/{entity}/fields", body.ToJsonString());

        await response.ShouldBeProblemAsync(400, "metadata.invalid_name");
        var detail = await _api.GetJsonAsync($"/api/metadata/entities/{entity}");
        detail["version"]!.GetValue<long>().ShouldBe(1);
        await ShouldBeIntactAsync(entity);
    }

    [Fact]
    public async Task SqlInEntityNames_ShouldReturn404()
    {
        using var response = await _api.GetAsync($"/api/records/{Uri.EscapeDataString("contact; DROP TABLE contact")}");

        await response.ShouldBeProblemAsync(404, "entity.not_found");
        await ShouldBeIntactAsync();
    }

    [Fact]
    public async Task UnknownEntity_ShouldReturn404OnCreate()
    {
        using var response = await _api.PostJsonAsync("/api/records/spaceship", """{"name": "x"}""");

        await response.ShouldBeProblemAsync(404, "entity.not_found");
    }

    [Fact]
    public async Task ForgedCursor_ShouldReturn400()
    {
        var entity = await SeedAsync();
        var forged = Convert.ToBase64String("""{"v":1,"after":["zzz"],"id":"00000000-0000-0000-0000-000000000000"}"""u8.ToArray());

        using var response = await _api.GetAsync($"/api/records/{entity}?after={Uri.EscapeDataString(forged)}");

        await response.ShouldBeProblemAsync(400, "query.invalid_cursor");
    }

    [Fact]
    public async Task CorruptedCursor_ShouldReturn400()
    {
        var entity = await SeedAsync();
        var page = await _api.GetJsonAsync($"/api/records/{entity}?limit=1");
        var cursor = page["next"]!.GetValue<string>();
        var middle = cursor.Length / 2;
        var corrupted = cursor[..middle] + (cursor[middle] == 'A' ? 'B' : 'A') + cursor[(middle + 1)..];

        using var response = await _api.GetAsync($"/api/records/{entity}?limit=1&after={Uri.EscapeDataString(corrupted)}");
        using var truncated = await _api.GetAsync($"/api/records/{entity}?limit=1&after={Uri.EscapeDataString(cursor[..middle])}");
        using var otherSort = await _api.GetAsync($"/api/records/{entity}?limit=1&sort=name desc&after={Uri.EscapeDataString(cursor)}");

        await response.ShouldBeProblemAsync(400, "query.invalid_cursor");
        await truncated.ShouldBeProblemAsync(400, "query.invalid_cursor");
        await otherSort.ShouldBeProblemAsync(400, "query.invalid_cursor");
    }

    [Fact]
    public async Task LookupToAMissingRecord_ShouldBeRefusedAndWriteNothing()
    {
        var entity = await _api.CreateEntityAsync(
            """{"title": {"x-crm-type": "string"}, "company": {"x-crm-type": "lookup", "x-crm-lookup": {"entity": "company"}}}""",
            prefix: "l");
        var missing = Guid.NewGuid();

        using var response = await _api.PostJsonAsync($"/api/records/{entity}", $$"""{"title": "t", "company": "{{missing}}"}""");

        var problem = await response.ShouldBeProblemAsync(422, "validation.failed");
        problem.Pointers().ShouldBe(["/company"]);
        problem.ErrorCodes().ShouldBe(["lookup.not_found"]);
        (await _api.CountAsync(entity)).ShouldBe(0);
    }

    [Fact]
    public async Task DeletingAReferencedRecord_ShouldReturn409()
    {
        var entity = await _api.CreateEntityAsync(
            """{"title": {"x-crm-type": "string"}, "company": {"x-crm-type": "lookup", "x-crm-lookup": {"entity": "company"}}}""",
            prefix: "l");
        var company = await _api.CreateRecordAsync("company", """{"name": "Acme"}""");
        await _api.CreateRecordAsync(entity, $$"""{"title": "t", "company": "{{company["id"]}}"}""");

        using var response = await _api.Client.DeleteAsync($"/api/records/company/{company["id"]}");

        ((int)response.StatusCode).ShouldBe(409);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await _api.GetJsonAsync($"/api/records/company/{company["id"]}"))["name"]!.GetValue<string>().ShouldBe("Acme");
    }

    private async Task<string> SeedAsync()
    {
        var entity = await _api.CreateWidgetAsync();
        await _api.CreateRecordAsync(entity, """{"name": "a"}""");
        await _api.CreateRecordAsync(entity, """{"name": "b"}""");
        return entity;
    }

    /// <summary>The standard contact table still answers, and the seeded entity (if any) still holds its records.</summary>
    private async Task ShouldBeIntactAsync(string? entity = null)
    {
        using var contacts = await _api.GetAsync("/api/records/contact?limit=1");
        contacts.StatusCode.ShouldBe(HttpStatusCode.OK);
        if (entity is not null)
        {
            (await _api.CountAsync(entity)).ShouldBe(2);
        }
    }
}
