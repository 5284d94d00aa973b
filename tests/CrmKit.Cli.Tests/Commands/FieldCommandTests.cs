using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands;

public sealed class FieldCommandTests : CliTestBase
{
    private static readonly string DetailWithNickname = WithField(
        Payload.Read("contact-detail.json"),
        """
        {"name": "nickname", "type": "string", "label": "Nickname", "labels": {"en": "Nickname", "ru": "Прозвище"},
         "required": false, "indexed": true, "unique": false, "system": false, "owner": "crmkit.core", "lookup": null,
         "options": [], "schema": {"type": "string", "maxLength": 80, "x-crm-type": "string", "x-crm-indexed": true,
         "x-crm-labels": {"en": "Nickname", "ru": "Прозвище"}}}
        """);

    [Fact]
    public async Task Add_ShouldPostTheSchemaBuiltFromTheOptions()
    {
        Server.OnJson("POST", "/api/metadata/entities/contact/fields", DetailWithNickname, status: 201);

        var result = await RunAsync(
            "field", "add", "contact", "nickname", "--type", "string", "--label-en", "Nickname", "--label-ru", "Прозвище",
            "--required", "--indexed", "--unique", "--max-length", "80", "--pattern", "^[a-z]+$");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe("POST /api/metadata/entities/contact/fields");
        request.ContentType.ShouldBe("application/json; charset=utf-8");
        ShouldBeJson(request.BodyJson, """
            {
              "name": "nickname",
              "schema": {
                "x-crm-type": "string",
                "x-crm-labels": {"en": "Nickname", "ru": "Прозвище"},
                "x-crm-indexed": true,
                "x-crm-unique": true,
                "maxLength": 80,
                "pattern": "^[a-z]+$"
              },
              "required": true
            }
            """);
        result.StdoutLines.ShouldBe(
        [
            "Added field nickname of contact; the entity is now at version 3.",
            "NAME      TYPE    LABEL     REQUIRED  INDEXED  UNIQUE  OWNER",
            "nickname  string  Nickname  no        yes      no      crmkit.core",
        ]);
    }

    [Fact]
    public async Task Add_ShouldSendOnlyTheType_WhenNoOtherOptionIsGiven()
    {
        Server.OnJson("POST", "/api/metadata/entities/contact/fields", DetailWithNickname, status: 201);

        var result = await RunAsync("field", "add", "contact", "nickname", "--type", "text");

        result.ExitCode.ShouldBe(0, result.ToString());
        ShouldBeJson(Server.Requests.Single().BodyJson, """{"name": "nickname", "schema": {"x-crm-type": "text"}}""");
    }

    [Fact]
    public async Task Add_ShouldPutOptionsInEnum_WhenTypeIsEnum()
    {
        Server.OnJson("POST", "/api/metadata/entities/deal/fields", DetailWithNickname, status: 201);

        await RunAsync("field", "add", "deal", "stage", "--type", "enum", "--options", "lead, qualified,won");

        ShouldBeJson(Server.Requests.Single().BodyJson?["schema"],
            """{"x-crm-type": "enum", "enum": ["lead", "qualified", "won"]}""");
    }

    [Fact]
    public async Task Add_ShouldPutOptionsInItemsEnum_WhenTypeIsMultiEnum()
    {
        Server.OnJson("POST", "/api/metadata/entities/contact/fields", DetailWithNickname, status: 201);

        await RunAsync("field", "add", "contact", "tags", "--type", "multi_enum", "--options", "vip,partner");

        ShouldBeJson(Server.Requests.Single().BodyJson?["schema"],
            """{"x-crm-type": "multi_enum", "items": {"enum": ["vip", "partner"]}}""");
    }

    [Fact]
    public async Task Add_ShouldSetLookupTarget()
    {
        Server.OnJson("POST", "/api/metadata/entities/contact/fields", DetailWithNickname, status: 201);

        await RunAsync("field", "add", "contact", "company", "--type", "lookup", "--lookup", "company");

        ShouldBeJson(Server.Requests.Single().BodyJson?["schema"],
            """{"x-crm-type": "lookup", "x-crm-lookup": {"entity": "company"}}""");
    }

    [Fact]
    public async Task Add_ShouldMergeRawSchema_WithOptionsWinning()
    {
        Server.OnJson("POST", "/api/metadata/entities/contact/fields", DetailWithNickname, status: 201);

        await RunAsync(
            "field", "add", "contact", "company", "--type", "lookup", "--lookup", "company",
            "--schema", """{"x-crm-lookup": {"onDelete": "restrict"}, "description": "Employer", "maxLength": 5}""",
            "--max-length", "9");

        ShouldBeJson(Server.Requests.Single().BodyJson?["schema"], """
            {"x-crm-type": "lookup", "x-crm-lookup": {"onDelete": "restrict", "entity": "company"},
             "description": "Employer", "maxLength": 9}
            """);
    }

    [Fact]
    public async Task Add_ShouldReadRawSchemaFromFile_WhenGivenWithAt()
    {
        Server.OnJson("POST", "/api/metadata/entities/contact/fields", DetailWithNickname, status: 201);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """{"x-crm-option-labels": {"vip": {"en": "VIP", "ru": "ВИП"}}}""");

            var result = await RunAsync("field", "add", "contact", "tier", "--type", "enum", "--options", "vip", "--schema", "@" + file);

            result.ExitCode.ShouldBe(0, result.ToString());
            ShouldBeJson(Server.Requests.Single().BodyJson?["schema"], """
                {"x-crm-type": "enum", "x-crm-option-labels": {"vip": {"en": "VIP", "ru": "ВИП"}}, "enum": ["vip"]}
                """);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Add_ShouldFailWithUsage_WhenTypeIsMissing()
    {
        var result = await RunAsync("field", "add", "contact", "nickname");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--type");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Add_ShouldFailWithUsage_WhenSchemaIsNotJson()
    {
        var result = await RunAsync("field", "add", "contact", "nickname", "--type", "string", "--schema", "{oops");

        result.ExitCode.ShouldBe(2);
        result.StderrLines[0].ShouldStartWith("error: --schema: the value is not valid JSON");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Update_ShouldPatchTheCurrentSchemaWithTheChanges()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact", DetailWithNickname);
        Server.OnJson("PATCH", "/api/metadata/entities/contact/fields/nickname", DetailWithNickname);

        var result = await RunAsync("field", "update", "contact", "nickname", "--max-length", "120", "--label-ru", "Кличка", "--required");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.Select(r => r.ToString()).ShouldBe(
            ["GET /api/metadata/entities/contact", "PATCH /api/metadata/entities/contact/fields/nickname"]);
        ShouldBeJson(Server.Requests[1].BodyJson, """
            {
              "schema": {"type": "string", "maxLength": 120, "x-crm-type": "string", "x-crm-indexed": true,
                         "x-crm-labels": {"en": "Nickname", "ru": "Кличка"}},
              "required": true,
              "conversion": "none",
              "force": false
            }
            """);
        result.StdoutLines[0].ShouldBe("Updated field nickname of contact; the entity is now at version 3.");
    }

    [Fact]
    public async Task Update_ShouldDropTypeSpecificKeywordsAndSendConversion_WhenTypeChanges()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact", DetailWithNickname);
        Server.OnJson("PATCH", "/api/metadata/entities/contact/fields/nickname", DetailWithNickname);

        var result = await RunAsync(
            "field", "update", "contact", "nickname", "--type", "integer", "--conversion", "cast", "--force", "--indexed", "false");

        result.ExitCode.ShouldBe(0, result.ToString());
        ShouldBeJson(Server.Requests[1].BodyJson, """
            {
              "schema": {"x-crm-labels": {"en": "Nickname", "ru": "Прозвище"}, "x-crm-indexed": false, "x-crm-type": "integer"},
              "conversion": "cast",
              "force": true
            }
            """);
    }

    [Fact]
    public async Task Update_ShouldRemoveKeyword_WhenRawSchemaSetsItToNull()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact", DetailWithNickname);
        Server.OnJson("PATCH", "/api/metadata/entities/contact/fields/nickname", DetailWithNickname);

        await RunAsync("field", "update", "contact", "nickname", "--schema", """{"maxLength": null}""", "--required", "false");

        ShouldBeJson(Server.Requests[1].BodyJson, """
            {
              "schema": {"type": "string", "x-crm-type": "string", "x-crm-indexed": true, "x-crm-labels": {"en": "Nickname", "ru": "Прозвище"}},
              "required": false,
              "conversion": "none",
              "force": false
            }
            """);
    }

    [Fact]
    public async Task Update_ShouldFailWithUsage_WhenNothingChanges()
    {
        var result = await RunAsync("field", "update", "contact", "nickname", "--force");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("error: nothing to change");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Update_ShouldRejectUnknownConversion()
    {
        var result = await RunAsync("field", "update", "contact", "nickname", "--max-length", "3", "--conversion", "truncate");

        result.ExitCode.ShouldBe(2);
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Update_ShouldShowViolations_WhenRecordsViolateTheChange()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact", DetailWithNickname);
        Server.OnProblem("PATCH", "/api/metadata/entities/contact/fields/nickname", 409,
            JsonNode.Parse(Payload.Read("problem-violations.json"))!.AsObject());

        var result = await RunAsync("field", "update", "contact", "nickname", "--max-length", "3");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.ShouldBe(
        [
            "error metadata.records_violate_change: Existing records violate the change.",
            "  /schema: 23 existing records violate the change. (metadata.records_violate_change)",
            "  23 record(s) violate the change; the first 3:",
            "    0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d04",
            "    0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d08",
            "    0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d15",
            "  use --conversion cast to convert the values, or --force to archive the violating ones",
        ]);
    }

    [Fact]
    public async Task Remove_ShouldDeleteTheFieldAndReportTheArchive()
    {
        Server.OnJson("DELETE", "/api/metadata/entities/contact/fields/nickname", Payload.Read("field-archive.json"));

        var result = await RunAsync("field", "remove", "contact", "nickname");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("DELETE /api/metadata/entities/contact/fields/nickname");
        result.StdoutLines.ShouldBe(
        [
            "Removed field nickname of contact; 12 value(s) archived as archive 0194f3b0-2222-7abc-8def-000000000007.",
            "The values can be restored with POST /api/metadata/entities/contact/archives/0194f3b0-2222-7abc-8def-000000000007/restore.",
        ]);
    }

    [Fact]
    public async Task Remove_ShouldPrintTheArchive_WhenOutputIsJson()
    {
        Server.OnJson("DELETE", "/api/metadata/entities/contact/fields/nickname", Payload.Read("field-archive.json"));

        var result = await RunAsync("field", "remove", "contact", "nickname", "-o", "json");

        JsonNode.Parse(result.Stdout)!["reason"]!.GetValue<string>().ShouldBe("removed");
    }

    private static void ShouldBeJson(JsonNode? actual, string expected) =>
        JsonNode.DeepEquals(actual, JsonNode.Parse(expected)).ShouldBeTrue(
            $"expected {JsonNode.Parse(expected)?.ToJsonString()}\n  actual {actual?.ToJsonString()}");

    private static string WithField(string detail, string field)
    {
        var node = JsonNode.Parse(detail)!;
        node["fields"]!.AsArray().Add(JsonNode.Parse(field));
        return node.ToJsonString();
    }
}
