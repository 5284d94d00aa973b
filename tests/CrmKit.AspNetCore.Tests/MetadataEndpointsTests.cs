using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.Core.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore.Tests;

public sealed class MetadataEndpointsTests : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmKitServerFactory _factory;
    private readonly CrmApi _api;

    public MetadataEndpointsTests(CrmKitServerFactory factory)
    {
        _factory = factory;
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task ListEntities_ShouldIncludeTheStandardModel()
    {
        var list = await _api.GetJsonAsync("/api/metadata/entities");

        var names = list["items"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        names.ShouldBe(["activity", "company", "contact", "deal", "document", "lead", "note"], ignoreOrder: true);
        var contact = list["items"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "contact")!.AsObject();
        contact.Select(p => p.Key).ShouldBe(["name", "label", "labels", "pluralLabel", "version", "owner", "fieldCount"]);
        contact["owner"]!.GetValue<string>().ShouldBe("crmkit.standard");
    }

    [Fact]
    public async Task GetSchema_ShouldReturnExactlyTheEntityDocument()
    {
        var expected = _factory.Services.GetRequiredService<IMetadataService>().GetEntity("deal").GetSchema();

        using var response = await _api.GetAsync("/api/metadata/entities/deal/schema");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = JsonNode.Parse(text)!.AsObject();
        document.ToJsonString().ShouldBe(expected.ToJsonString(), "the served document must be the stored one, member order included");
        document["$schema"]!.GetValue<string>().ShouldBe("https://json-schema.org/draft/2020-12/schema");
        document["x-crm-entity"]!.GetValue<string>().ShouldBe("deal");
    }

    [Fact]
    public async Task GetEntity_ShouldPickLabelsByAcceptLanguage()
    {
        var english = await _api.GetJsonAsync("/api/metadata/entities/contact", "en");
        var russian = await _api.GetJsonAsync("/api/metadata/entities/contact", "ru-RU,ru;q=0.9,en;q=0.5");
        var fallback = await _api.GetJsonAsync("/api/metadata/entities/contact", "de");

        english["label"]!.GetValue<string>().ShouldBe("Contact");
        russian["label"]!.GetValue<string>().ShouldBe("Контакт");
        fallback["label"]!.GetValue<string>().ShouldBe("Contact");
        russian["labels"]!["en"]!.GetValue<string>().ShouldBe("Contact");
        russian["labels"]!["ru"]!.GetValue<string>().ShouldBe("Контакт");
        var firstName = russian["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "first_name")!;
        firstName["label"]!.GetValue<string>().ShouldBe("Имя");
        firstName["required"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task Errors_ShouldBeInRussian_WhenAcceptLanguageIsRu()
    {
        using var english = await _api.GetAsync("/api/metadata/entities/no_such_entity", "en");
        using var russian = await _api.GetAsync("/api/metadata/entities/no_such_entity", "ru");

        var en = await english.ShouldBeProblemAsync(404, "entity.not_found");
        var ru = await russian.ShouldBeProblemAsync(404, "entity.not_found");
        ru["title"]!.GetValue<string>().ShouldNotBe(en["title"]!.GetValue<string>());
        ru["title"]!.GetValue<string>().ShouldMatch("[а-яА-Я]");
    }

    [Fact]
    public async Task ValidationMessages_ShouldBeInRussian_WhenAcceptLanguageIsRu()
    {
        using var response = await _api.SendJsonAsync(
            HttpMethod.Post, "/api/records/contact", """{"first_name": 5}""", language: "ru");

        var problem = await response.ShouldBeProblemAsync(422, "validation.failed");
        problem["title"]!.GetValue<string>().ShouldMatch("[а-яА-Я]");
        problem["errors"]!.AsArray().ShouldAllBe(e => System.Text.RegularExpressions.Regex.IsMatch(e!["message"]!.GetValue<string>(), "[а-яА-Я]"));
    }

    [Fact]
    public async Task CreateEntity_ShouldReturn201WithDetailAndLocation()
    {
        var name = CrmApi.NewEntityName("p");
        var document =
            $$$"""
            {"x-crm-entity": "{{{name}}}", "x-crm-labels": {"en": "Project", "ru": "Проект"},
             "properties": {"title": {"x-crm-type": "string", "maxLength": 200}}, "required": ["title"]}
            """;

        using var response = await _api.PostJsonAsync("/api/metadata/entities", document);

        var detail = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe("/api/metadata/entities/" + name);
        detail["name"]!.GetValue<string>().ShouldBe(name);
        detail["label"]!.GetValue<string>().ShouldBe("Project");
        var title = detail["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "title")!.AsObject();
        title.Select(p => p.Key).ShouldBe(
            ["name", "type", "label", "labels", "required", "indexed", "unique", "system", "owner", "lookup", "options", "schema"]);
        title["type"]!.GetValue<string>().ShouldBe("string");
        title["required"]!.GetValue<bool>().ShouldBeTrue();
        title["schema"]!["maxLength"]!.GetValue<int>().ShouldBe(200);
        detail["fieldCount"]!.GetValue<int>().ShouldBe(detail["fields"]!.AsArray().Count);
    }

    [Fact]
    public async Task AddField_ShouldShowTheFieldInTheEntityAndItsSchema()
    {
        var entity = await _api.CreateWidgetAsync();

        using var response = await _api.PostJsonAsync(
            $"/api/metadata/entities/{entity}/fields",
            """{"name": "colour", "schema": {"x-crm-type": "enum", "enum": ["red", "blue"], "x-crm-option-labels": {"red": {"en": "Red", "ru": "Красный"}}}, "required": false}""");

        var detail = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var colour = detail["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "colour")!;
        colour["options"]!.ToJsonString().ShouldBe("""[{"value":"red","label":"Red"},{"value":"blue","label":"blue"}]""");
        var schema = await _api.GetJsonAsync($"/api/metadata/entities/{entity}/schema");
        schema["properties"]!["colour"].ShouldNotBeNull();
    }

    [Fact]
    public async Task AddField_ShouldReturn400NamingEveryBadMember()
    {
        var entity = await _api.CreateWidgetAsync();

        using var response = await _api.PostJsonAsync(
            $"/api/metadata/entities/{entity}/fields",
            """{"schema": 5, "force": "yes", "conversion": "magic", "extra": 1}""");

        var problem = await response.ShouldBeProblemAsync(400, "request.invalid_body");
        problem.Pointers().ShouldBe(["/extra", "/name", "/schema", "/force", "/conversion"], ignoreOrder: true);
    }

    [Fact]
    public async Task ChangeField_ShouldKeepTheSchema_WhenOnlyRequiredIsSent()
    {
        var entity = await _api.CreateWidgetAsync();

        using var response = await _api.PatchJsonAsync($"/api/metadata/entities/{entity}/fields/note", """{"required": false}""");

        var detail = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        detail["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "note")!["type"]!.GetValue<string>().ShouldBe("text");
    }
}
