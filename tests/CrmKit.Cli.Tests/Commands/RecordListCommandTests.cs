using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands;

public sealed class RecordListCommandTests : CliTestBase
{
    [Fact]
    public async Task List_ShouldSendQueryParameters()
    {
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-2.json"));

        var result = await RunAsync(
            "record", "list", "contact", "--filter", "stage eq 'won' and amount ge 1000", "--sort", "amount desc,created_at",
            "--select", "first_name,stage", "--limit", "25", "--after", "abc", "--count", "--deleted");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Query.ShouldBe(new Dictionary<string, string>
        {
            ["filter"] = "stage eq 'won' and amount ge 1000",
            ["sort"] = "amount desc,created_at",
            ["select"] = "first_name,stage",
            ["limit"] = "25",
            ["after"] = "abc",
            ["count"] = "true",
            ["deleted"] = "true",
        });
        request.QueryString.ShouldContain("filter=stage%20eq%20%27won%27%20and%20amount%20ge%201000");
    }

    [Fact]
    public async Task List_ShouldSendNoQuery_WhenNoOptionIsGiven()
    {
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-2.json"));

        await RunAsync("record", "list", "contact");

        Server.Requests.ShouldHaveSingleItem().QueryString.ShouldBeEmpty();
    }

    [Fact]
    public async Task List_ShouldPrintIdAndFirstFieldsAndFooter()
    {
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-1.json"));

        var result = await RunAsync("record", "list", "contact", "--count");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdoutLines.ShouldBe(
        [
            "ID                                    FIRST_NAME  EMAIL              STAGE",
            "0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d01  Анна        anna@example.com   won",
            "0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d02  Boris       boris@example.com  lead",
            "2 record(s) of 3; more with --after eyJpZCI6Mn0 (or --all)",
        ]);
    }

    [Fact]
    public async Task List_ShouldShowSelectedFieldsInOrder()
    {
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-2.json"));

        var result = await RunAsync("record", "list", "contact", "--select", "stage,id,version");

        result.StdoutLines.ShouldBe(
        [
            "ID                                    STAGE  VERSION",
            "0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d03  lead   1",
            "1 record(s)",
        ]);
    }

    [Fact]
    public async Task List_ShouldFollowNextCursors_WhenAllIsGiven()
    {
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-2.json"), when: r => r.Query.GetValueOrDefault("after") == "eyJpZCI6Mn0");
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-1.json"), when: r => !r.Query.ContainsKey("after"));

        var result = await RunAsync("record", "list", "contact", "--all", "--count", "--limit", "2", "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.Select(r => r.QueryString).ShouldBe(["?limit=2&count=true", "?limit=2&after=eyJpZCI6Mn0"]);
        var output = JsonNode.Parse(result.Stdout)!;
        output["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()[^2..]).ShouldBe(["01", "02", "03"]);
        output["next"].ShouldBeNull();
        output["total"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task List_ShouldPrintAllPagesAsOneTable_WhenAllIsGiven()
    {
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-2.json"), when: r => r.Query.ContainsKey("after"));
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-1.json"));

        var result = await RunAsync("record", "list", "contact", "--all", "--select", "first_name");

        result.StdoutLines.ShouldBe(
        [
            "ID                                    FIRST_NAME",
            "0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d01  Анна",
            "0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d02  Boris",
            "0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d03  Chen",
            "3 record(s) of 3",
        ]);
    }

    [Fact]
    public async Task List_ShouldStop_WhenTheServerRepeatsACursor()
    {
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-1.json"));

        var result = await RunAsync("record", "list", "contact", "--all");

        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain("eyJpZCI6Mn0");
        Server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task List_ShouldPrintThePageAsIs_WhenOutputIsJson()
    {
        Server.OnJson("GET", "/api/records/contact", Payload.Read("contacts-page-1.json"));

        var result = await RunAsync("record", "list", "contact", "--output", "json");

        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("contacts-page-1.json"))).ShouldBeTrue();
    }

    [Fact]
    public async Task List_ShouldReportBadCursor()
    {
        Server.OnProblem("GET", "/api/records/contact", 400, new JsonObject
        {
            ["type"] = "https://crmkit.dev/problems/query.invalid_cursor",
            ["title"] = "The cursor is not valid.",
            ["status"] = 400,
            ["code"] = "query.invalid_cursor",
        });

        var result = await RunAsync("record", "list", "contact", "--after", "forged");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(["error query.invalid_cursor: The cursor is not valid."]);
    }

    [Fact]
    public async Task List_ShouldRejectNonNumericLimit()
    {
        var result = await RunAsync("record", "list", "contact", "--limit", "many");

        result.ExitCode.ShouldBe(2);
        Server.Requests.ShouldBeEmpty();
    }
}
