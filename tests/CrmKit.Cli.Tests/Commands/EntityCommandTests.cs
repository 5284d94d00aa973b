using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands;

public sealed class EntityCommandTests : CliTestBase
{
    [Fact]
    public async Task List_ShouldPrintEntitiesAsTable()
    {
        Server.OnJson("GET", "/api/metadata/entities", Payload.Read("entities.json"));

        var result = await RunAsync("entity", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/metadata/entities");
        result.StdoutLines.ShouldBe(
        [
            "NAME     LABEL    PLURAL LABEL  FIELDS  VERSION  OWNER",
            "contact  Contact  Contacts      12      3        crmkit.core",
            "deal     Deal     Deals         15      7        crmkit.sales",
        ]);
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task List_ShouldPrintServerJsonIndented_WhenOutputIsJson()
    {
        Server.OnJson("GET", "/api/metadata/entities", Payload.Read("entities.json"));

        var result = await RunAsync("entity", "list", "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("entities.json"))).ShouldBeTrue();
        result.Stdout.ShouldContain("\n  \"items\": [");
        result.Stdout.ShouldContain("\"ru\": \"Контакт\"", customMessage: "Cyrillic must not be escaped as \\uXXXX");
    }

    [Fact]
    public async Task Indexes_ShouldPrintTheBackgroundBuilds_WithTheirProgress()
    {
        Server.OnJson("GET", "/api/metadata/index-builds", """
            {"items": [
              {"entity": "contact", "field": "city", "index": "ix_contact__city", "state": "building", "requestedAt": "2026-12-07T10:00:00Z",
               "startedAt": "2026-12-07T10:00:01Z", "finishedAt": null, "phase": "building index: scanning table", "done": 1250, "total": 5000, "error": null},
              {"entity": "contact", "field": "tier", "index": "ix_contact__tier", "state": "failed", "requestedAt": "2026-12-07T09:00:00Z",
               "startedAt": "2026-12-07T09:00:01Z", "finishedAt": "2026-12-07T09:00:02Z", "phase": null, "done": null, "total": null, "error": "could not extend file"},
              {"entity": "deal", "field": "stage", "index": "ix_deal__stage", "state": "ready", "requestedAt": "2026-12-07T08:00:00Z",
               "startedAt": "2026-12-07T08:00:01Z", "finishedAt": "2026-12-07T08:00:09Z", "phase": null, "done": null, "total": null, "error": null}
            ]}
            """);

        var result = await RunAsync("entity", "indexes");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/metadata/index-builds");
        result.StdoutLines.ShouldBe(
        [
            "ENTITY   FIELD  INDEX             STATE     PROGRESS                            REASON",
            "contact  city   ix_contact__city  building  25% building index: scanning table",
            "contact  tier   ix_contact__tier  failed                                        could not extend file",
            "deal     stage  ix_deal__stage    ready",
        ]);
    }

    [Fact]
    public async Task Show_ShouldPrintFieldsTable()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact", Payload.Read("contact-detail.json"));

        var result = await RunAsync("entity", "show", "contact");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/api/metadata/entities/contact");
        result.StdoutLines.ShouldBe(
        [
            "ENTITY   LABEL    PLURAL LABEL  VERSION  OWNER",
            "contact  Contact  Contacts      3        crmkit.core",
            "NAME        TYPE              LABEL       REQUIRED  INDEXED  UNIQUE  OWNER",
            "id          string            Id          yes       yes      yes     crmkit.core",
            "first_name  string            First name  yes       no       no      crmkit.core",
            "email       email             E-mail      no        yes      yes     crmkit.core",
            "stage       enum              Stage       no        no       no      crmkit.sales",
            "company     lookup → company  Company     no        yes      no      crmkit.core",
        ]);
    }

    [Fact]
    public async Task Show_ShouldSendAcceptLanguageAndPrintRussianTable_WhenLangIsRu()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact", Payload.Read("contact-detail-ru.json"));

        var result = await RunAsync("entity", "show", "contact", "--lang", "ru");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().Header("Accept-Language").ShouldBe("ru");
        var fieldLines = result.StdoutLines.Skip(2).ToArray();
        fieldLines.ShouldBe(
        [
            "ИМЯ         ТИП     НАЗВАНИЕ           ОБЯЗАТЕЛЬНОЕ  ИНДЕКС  УНИКАЛЬНОЕ  ВЛАДЕЛЕЦ",
            "first_name  string  Имя                да            нет     нет         crmkit.core",
            "email       email   Электронная почта  нет           да      да          crmkit.core",
        ]);
    }

    [Fact]
    public async Task Show_ShouldSendNoAcceptLanguage_WhenLangIsNotGiven()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact", Payload.Read("contact-detail.json"));

        await RunAsync("entity", "show", "contact");

        Server.Requests.ShouldHaveSingleItem().Header("Accept-Language").ShouldBeNull();
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    public async Task Schema_ShouldPrintTheDocumentAsJson_WhateverTheOutput(string output)
    {
        Server.OnJson("GET", "/api/metadata/entities/contact/schema", Payload.Read("contact-schema.json"));

        var result = await RunAsync("entity", "schema", "contact", "--output", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("contact-schema.json"))).ShouldBeTrue();
    }

    [Fact]
    public async Task History_ShouldPrintVersionsWithTheirChanges()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact/history", Payload.Read("contact-history.json"));

        var result = await RunAsync("entity", "history", "contact");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdoutLines.ShouldBe(
        [
            "VERSION  CHANGED AT            CHANGED BY           CHANGES",
            "1        2026-01-10T08:00:00Z  system               create",
            "2        2026-01-12T09:30:00Z  admin                add email",
            "3        2026-02-01T16:05:12Z  plugin:crmkit.sales  add stage; change first_name",
        ]);
    }

    [Fact]
    public async Task Show_ShouldEscapeTheEntityName()
    {
        var result = await RunAsync("entity", "show", "a/b c");

        result.ExitCode.ShouldBe(1);
        Server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/api/metadata/entities/a%2Fb%20c");
    }
}
