using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests.Commands;

public sealed class RecordHistoryCommandTests : CliTestBase
{
    private const string Id = "0194f3a2-7c1e-7b3a-9d2e-5f8a1c3b4d2a";
    private const string Path = $"/api/records/deal/{Id}/history";

    [Fact]
    public async Task History_ShouldPrintOneRowPerChange_WithMaskedFieldsHidden()
    {
        Server.OnJson("GET", Path, Payload.Read("deal-history.json"));

        var result = await RunAsync("record", "history", "deal", Id);

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe($"GET {Path}");
        result.StdoutLines.ShouldBe(
        [
            "SEQ  AT                        OPERATION  USER      CHANNEL  SOURCE                    CHANGES",
            "12   2026-12-07T10:00:00.000Z  update     anna      cli                                stage: new → won",
            "                                                                                       margin: (hidden)",
            """                                                                                       amount: {"amount":10,"currency":"RUB"} → null""",
            "11   2026-12-06T09:00:00.000Z  create     importer  rest     workflow:lead-assignment  title: null → Big deal",
            "More: --before 11",
        ]);
    }

    [Fact]
    public async Task History_ShouldSendLimitAndBefore()
    {
        Server.OnJson("GET", Path, """{"items": [], "before": null}""");

        var result = await RunAsync("record", "history", "deal", Id, "--limit", "2", "--before", "11");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().QueryString.ShouldBe("?limit=2&before=11");
        result.StdoutLines.ShouldBe(["SEQ  AT  OPERATION  USER  CHANNEL  SOURCE  CHANGES"], "no rows and no 'more' line");
    }

    [Fact]
    public async Task History_ShouldPrintTheServerJson_WhenOutputIsJson()
    {
        Server.OnJson("GET", Path, Payload.Read("deal-history.json"));

        var result = await RunAsync("record", "history", "deal", Id, "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Payload.Read("deal-history.json"))).ShouldBeTrue();
    }

    [Fact]
    public async Task History_ShouldSayHiddenInRussian_WhenLangIsRu()
    {
        Server.OnJson("GET", Path, Payload.Read("deal-history.json"));

        var result = await RunAsync("--lang", "ru", "record", "history", "deal", Id);

        result.StdoutLines[0].ShouldStartWith("НОМЕР  КОГДА");
        result.StdoutLines[2].Trim().ShouldBe("margin: (скрыто)");
        result.StdoutLines[^1].ShouldBe("Дальше: --before 11");
    }

    [Fact]
    public async Task History_ShouldExitOne_WhenTheCallerMayNotReadTheRecord()
    {
        Server.OnProblem("GET", Path, 403, new JsonObject
        {
            ["title"] = "You may not read records of 'deal'.",
            ["status"] = 403,
            ["code"] = "access.denied",
        });

        var result = await RunAsync("record", "history", "deal", Id);

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(["error access.denied: You may not read records of 'deal'."]);
    }

    [Fact]
    public async Task History_ShouldBeAUsageError_WhenBeforeIsNotANumber()
    {
        var result = await RunAsync("record", "history", "deal", Id, "--before", "yesterday");

        result.ExitCode.ShouldBe(2);
        Server.Requests.ShouldBeEmpty();
    }
}
