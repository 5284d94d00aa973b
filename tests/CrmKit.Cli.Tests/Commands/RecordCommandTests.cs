using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands;

public sealed class RecordCommandTests : CliTestBase
{
    private const string Id = "0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d2a";

    private static readonly Dictionary<string, string> ETag = new() { ["ETag"] = "\"3\"" };

    [Fact]
    public async Task Get_ShouldPrintFieldsAndValues()
    {
        Server.OnJson("GET", $"/api/records/contact/{Id}", Payload.Read("contact-42.json"), headers: ETag);

        var result = await RunAsync("record", "get", "contact", Id);

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe($"GET /api/records/contact/{Id}");
        result.StdoutLines.ShouldBe(
        [
            "FIELD       VALUE",
            $"id          {Id}",
            "version     3",
            "created_at  2026-01-15T08:00:00Z",
            "created_by  admin",
            "updated_at  2026-02-01T12:30:00Z",
            "updated_by  admin",
            "owner_id    admin",
            "first_name  Анна",
            "email       anna@example.com",
            "stage       won",
            "company     0194f3a0-11aa-7c00-8e00-00000000c0de",
        ]);
    }

    [Fact]
    public async Task Get_ShouldAskForDeletedRecord_WhenDeletedIsGiven()
    {
        Server.OnJson("GET", $"/api/records/contact/{Id}", Payload.Read("contact-42.json"));

        await RunAsync("record", "get", "contact", Id, "--deleted");

        Server.Requests.ShouldHaveSingleItem().QueryString.ShouldBe("?deleted=true");
    }

    [Fact]
    public async Task Get_ShouldReportNotFound()
    {
        Server.OnProblem("GET", "/api/records/contact/404", 404, new JsonObject
        {
            ["type"] = "https://crmkit.dev/problems/record.not_found",
            ["title"] = "The record does not exist.",
            ["status"] = 404,
            ["code"] = "record.not_found",
        });

        var result = await RunAsync("record", "get", "contact", "404");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.ShouldBe(["error record.not_found: The record does not exist."]);
    }

    [Fact]
    public async Task Create_ShouldPostInlineJson()
    {
        Server.OnJson("POST", "/api/records/contact", Payload.Read("contact-42.json"), status: 201, headers: ETag);

        var result = await RunAsync("record", "create", "contact", "--data", """{"first_name": "Анна", "amount": 1234.5600}""", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe("POST /api/records/contact");
        request.Body.ShouldBe("""{"first_name":"Анна","amount":1234.5600}""", "numbers keep their exact text");
        JsonNode.Parse(result.Stdout)!["id"]!.GetValue<string>().ShouldBe(Id);
    }

    [Fact]
    public async Task Create_ShouldReadDataFromStdin_WhenDataIsDash()
    {
        Server.OnJson("POST", "/api/records/contact", Payload.Read("contact-42.json"), status: 201);

        var result = await RunWithStdinAsync("""{"first_name": "Анна"}""", "record", "create", "contact", "--data", "-");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.Single().BodyJson!["first_name"]!.GetValue<string>().ShouldBe("Анна");
    }

    [Fact]
    public async Task Create_ShouldReadDataFromFile_WhenDataStartsWithAt()
    {
        Server.OnJson("POST", "/api/records/contact", Payload.Read("contact-42.json"), status: 201);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, """{"first_name": "Boris"}""");

            var result = await RunAsync("record", "create", "contact", "--data", "@" + file);

            result.ExitCode.ShouldBe(0, result.ToString());
            Server.Requests.Single().BodyJson!["first_name"]!.GetValue<string>().ShouldBe("Boris");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Create_ShouldFailWithUsage_WhenFileIsMissing()
    {
        var result = await RunAsync("record", "create", "contact", "--data", "@/no/such/file.json");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith("error: --data: cannot read '/no/such/file.json'");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_ShouldPrintCreatedRecords_WhenDataIsAnArray()
    {
        Server.OnJson("POST", "/api/records/contact", Payload.Read("contacts-page-1.json"), status: 201);

        var result = await RunAsync("record", "create", "contact", "--data", """[{"first_name": "Анна"}, {"first_name": "Boris"}]""");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.Single().BodyJson.ShouldBeOfType<JsonArray>().Count.ShouldBe(2);
        result.StdoutLines[0].ShouldBe("ID                                    FIRST_NAME  EMAIL              STAGE");
        result.StdoutLines[^1].ShouldBe("2 record(s) created");
    }

    [Fact]
    public async Task Create_ShouldShowEveryValidationError()
    {
        Server.OnProblem("POST", "/api/records/contact", 422, JsonNode.Parse(Payload.Read("problem-validation.json"))!.AsObject());

        var result = await RunAsync("record", "create", "contact", "--data", """{"email": "nope"}""");

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.ShouldBe(
        [
            "error validation.failed: The record is not valid.",
            "  /email: Must be an e-mail address. (format.email)",
            "  /first_name: The field is required. (field.required)",
        ]);
    }

    [Fact]
    public async Task Update_ShouldPatchWithIfMatch_WhenVersionIsGiven()
    {
        Server.OnJson("PATCH", $"/api/records/contact/{Id}", Payload.Read("contact-42.json"));

        var result = await RunAsync("record", "update", "contact", Id, "--data", """{"stage": "won", "email": null}""", "--version", "3");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe($"PATCH /api/records/contact/{Id}");
        request.Header("If-Match").ShouldBe("\"3\"");
        request.Body.ShouldBe("""{"stage":"won","email":null}""");
    }

    [Fact]
    public async Task Update_ShouldSendNoIfMatch_WhenVersionIsNotGiven()
    {
        Server.OnJson("PATCH", $"/api/records/contact/{Id}", Payload.Read("contact-42.json"));

        await RunAsync("record", "update", "contact", Id, "--data", """{"stage": "won"}""");

        Server.Requests.ShouldHaveSingleItem().Header("If-Match").ShouldBeNull();
    }

    [Fact]
    public async Task Update_ShouldReportVersionConflict()
    {
        Server.OnProblem("PATCH", $"/api/records/contact/{Id}", 409, new JsonObject
        {
            ["type"] = "https://crmkit.dev/problems/record.version_conflict",
            ["title"] = "The record was changed by someone else.",
            ["status"] = 409,
            ["code"] = "record.version_conflict",
            ["currentVersion"] = 4,
        });

        var result = await RunAsync("record", "update", "contact", Id, "--data", """{"stage": "won"}""", "--version", "3");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(
        [
            "error record.version_conflict: The record was changed by someone else.",
            "  the record is now at version 4",
        ]);
    }

    [Fact]
    public async Task Delete_ShouldListReferencingRecords_WhenRecordIsReferenced()
    {
        Server.OnProblem("DELETE", $"/api/records/contact/{Id}", 409, new JsonObject
        {
            ["type"] = "https://crmkit.dev/problems/record.referenced",
            ["title"] = "2 deal records refer to this record.",
            ["status"] = 409,
            ["code"] = "record.referenced",
            ["references"] = new JsonObject
            {
                ["entity"] = "deal",
                ["field"] = "contact",
                ["count"] = 2,
                ["recordIds"] = new JsonArray("0194f3a9-0000-7000-8000-000000000001", "0194f3a9-0000-7000-8000-000000000002"),
            },
        });

        var result = await RunAsync("record", "delete", "contact", Id);

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(
        [
            "error record.referenced: 2 deal records refer to this record.",
            "  2 deal record(s) refer to it through contact:",
            "    0194f3a9-0000-7000-8000-000000000001",
            "    0194f3a9-0000-7000-8000-000000000002",
        ]);
    }

    [Fact]
    public async Task Update_ShouldFailWithUsage_WhenDataIsNotAnObject()
    {
        var result = await RunAsync("record", "update", "contact", Id, "--data", "[1, 2]");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("--data must be a JSON object");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Delete_ShouldSendDeleteWithIfMatch()
    {
        Server.OnJson("DELETE", $"/api/records/contact/{Id}", body: null, status: 204);

        var result = await RunAsync("record", "delete", "contact", Id, "--version", "7");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe($"DELETE /api/records/contact/{Id}");
        request.Header("If-Match").ShouldBe("\"7\"");
        result.StdoutLines.ShouldBe([$"Deleted contact {Id}; 'crmkit record restore contact {Id}' brings it back."]);
    }

    [Fact]
    public async Task Delete_ShouldPrintNothing_WhenOutputIsJson()
    {
        Server.OnJson("DELETE", $"/api/records/contact/{Id}", body: null, status: 204);

        var result = await RunAsync("record", "delete", "contact", Id, "-o", "json");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Restore_ShouldPostToRestore()
    {
        Server.OnJson("POST", $"/api/records/contact/{Id}/restore", Payload.Read("contact-42.json"));

        var result = await RunAsync("record", "restore", "contact", Id);

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe($"POST /api/records/contact/{Id}/restore");
        request.Body.ShouldBeEmpty();
        result.StdoutLines.ShouldContain("first_name  Анна");
    }
}
