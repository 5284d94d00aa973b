using System.Text.Json.Nodes;

namespace CrmKit.Cli.Tests.Commands;

public sealed class EgrulCommandTests : CliTestBase
{
    private const string Motorika = """
        {"provider": "dadata", "items": [{
          "kind": "legal_entity", "inn": "7719402047", "kpp": "773101001", "ogrn": "1157746078984", "okpo": "27539247",
          "shortName": "ООО \"МОТОРИКА\"", "fullName": "ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ \"МОТОРИКА\"",
          "legalForm": "ООО", "legalFormCode": "12300", "branchType": "main", "registrationDate": "2015-02-05",
          "liquidationDate": null, "status": "ACTIVE", "windingDown": false, "legalAddress": null,
          "directorName": "Чех Илья Игоревич", "directorPost": "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", "mainOkved": "72.19"}]}
        """;

    [Fact]
    public async Task Lookup_ShouldGetTheEntryAndPrintItsRequisites()
    {
        Server.OnJson("GET", "/api/integrations/egrul/7719402047", Motorika);

        var result = await RunAsync("egrul", "lookup", "7719402047");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem().ToString().ShouldBe("GET /api/integrations/egrul/7719402047");
        result.Stdout.ShouldContain("ООО \"МОТОРИКА\"");
        result.StdoutLines.ShouldContain(l => l.StartsWith("OGRN", StringComparison.Ordinal) && l.EndsWith("1157746078984", StringComparison.Ordinal));
        result.StdoutLines.ShouldContain(l => l.StartsWith("director", StringComparison.Ordinal) && l.EndsWith("Чех Илья Игоревич (ГЕНЕРАЛЬНЫЙ ДИРЕКТОР)", StringComparison.Ordinal));
        result.Stdout.ShouldNotContain("WARNING");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Lookup_ShouldPassKppBranchAndRefresh()
    {
        Server.OnJson("GET", "/api/integrations/egrul/7719402047", Motorika);

        var result = await RunAsync("egrul", "lookup", "7719402047", "--kpp", "773101001", "--branch", "main", "--refresh");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.Query["kpp"].ShouldBe("773101001");
        request.Query["branch"].ShouldBe("main");
        request.Query["refresh"].ShouldBe("true");
    }

    [Fact]
    public async Task Lookup_ShouldWarnAboutALiquidatedCompany_InRussianToo()
    {
        var answer = JsonNode.Parse(Motorika)!;
        answer["items"]![0]!["status"] = "LIQUIDATED";
        answer["items"]![0]!["windingDown"] = true;
        Server.OnJson("GET", "/api/integrations/egrul/7719402047", answer.ToJsonString());

        var result = await RunAsync("egrul", "lookup", "7719402047", "--lang", "ru");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdoutLines.ShouldContain("ВНИМАНИЕ: в реестре статус LIQUIDATED: компания ликвидирована, ликвидируется или банкрот.");
    }

    [Fact]
    public async Task Lookup_ShouldPrintTheJsonAnswer_WhenOutputIsJson()
    {
        Server.OnJson("GET", "/api/integrations/egrul/7719402047", Motorika);

        var result = await RunAsync("egrul", "lookup", "7719402047", "--output", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.DeepEquals(JsonNode.Parse(result.Stdout), JsonNode.Parse(Motorika)).ShouldBeTrue();
    }

    [Fact]
    public async Task Lookup_ShouldPrintTheReasonAndExitWithOne_WhenTheInnIsInvalid()
    {
        Server.OnProblem("GET", "/api/integrations/egrul/7707083894", 400, new JsonObject
        {
            ["title"] = "The INN or OGRN is not valid; the registry was not asked.",
            ["status"] = 400,
            ["code"] = "egrul.invalid_id",
            ["errors"] = new JsonArray(new JsonObject
            {
                ["code"] = "inn.checksum",
                ["pointer"] = "/query",
                ["message"] = "The INN's check digit does not match: a digit is wrong.",
            }),
        });

        var result = await RunAsync("egrul", "lookup", "7707083894");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("egrul.invalid_id");
        result.Stderr.ShouldContain("inn.checksum");
    }

    [Fact]
    public async Task Lookup_ShouldExitWithThree_WhenTheProviderIsDown()
    {
        Server.OnProblem("GET", "/api/integrations/egrul/7719402047", 503, new JsonObject
        {
            ["title"] = "DaData is unavailable: it answered HTTP 500.",
            ["status"] = 503,
            ["code"] = "egrul.provider_unavailable",
        });

        var result = await RunAsync("egrul", "lookup", "7719402047");

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldContain("egrul.provider_unavailable");
    }

    [Fact]
    public async Task Lookup_ShouldRefuseAnUnknownBranchValue_WithoutSending()
    {
        var result = await RunAsync("egrul", "lookup", "7719402047", "--branch", "all");

        result.ExitCode.ShouldBe(2, result.ToString());
        Server.Requests.ShouldBeEmpty();
    }
}
