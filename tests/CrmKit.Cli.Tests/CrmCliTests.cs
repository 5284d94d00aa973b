using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Fakes;
using CrmKit.Cli.Tests.Payloads;

namespace CrmKit.Cli.Tests;

/// <summary>The behaviour every command shares: global options, usage errors, server failures and exit codes.</summary>
public sealed class CrmCliTests : CliTestBase
{
    [Fact]
    public async Task Invoke_ShouldExitThreeNamingTheServer_WhenServerIsUnreachable()
    {
        var result = await new CliRunner(new Uri("http://127.0.0.1:1")).RunAsync("entity", "list");

        result.ExitCode.ShouldBe(3);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.ShouldHaveSingleItem().ShouldBe(
            "error: cannot reach the CrmKit server at http://127.0.0.1:1/ (connection refused). Is it running? Pass --server or set CRMKIT_SERVER.");
    }

    [Fact]
    public async Task Invoke_ShouldSayInRussianThatTheServerIsUnreachable_WhenLangIsRu()
    {
        var result = await new CliRunner(new Uri("http://127.0.0.1:1")).RunAsync("entity", "list", "--lang", "ru");

        result.ExitCode.ShouldBe(3);
        result.StderrLines.ShouldHaveSingleItem().ShouldBe(
            "ошибка: не удаётся связаться с сервером CrmKit по адресу http://127.0.0.1:1/ (в соединении отказано). "
            + "Он запущен? Укажите --server или задайте CRMKIT_SERVER.");
    }

    [Fact]
    public async Task Invoke_ShouldPrintUsageErrorsInRussian_WhenCrmkitLangIsRu()
    {
        var runner = new CliRunner(Server.BaseAddress) { Environment = { ["CRMKIT_LANG"] = "ru" } };

        var result = await runner.RunAsync("record", "get", "contact");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.StderrLines[0].ShouldStartWith("ошибка: ");
        result.StderrLines[^1].ShouldBe("Справка по использованию: 'crmkit record get --help'.");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_ShouldPreferLangOverCrmkitLang_AndSendItAsAcceptLanguage()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact", Payload.Read("contact-detail.json"));
        var runner = new CliRunner(Server.BaseAddress) { Environment = { ["CRMKIT_LANG"] = "ru" } };

        var result = await runner.RunAsync("entity", "show", "contact", "--lang=en");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdoutLines[0].ShouldStartWith("ENTITY");
        Server.Requests.ShouldHaveSingleItem().Header("Accept-Language").ShouldBe("en");
    }

    [Fact]
    public async Task Invoke_ShouldSendCrmkitLangAsAcceptLanguage_WhenLangIsNotGiven()
    {
        Server.OnJson("GET", "/api/metadata/entities/contact", Payload.Read("contact-detail.json"));
        var runner = new CliRunner(Server.BaseAddress) { Environment = { ["CRMKIT_LANG"] = "ru" } };

        var result = await runner.RunAsync("entity", "show", "contact");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdoutLines[0].ShouldStartWith("СУЩНОСТЬ");
        Server.Requests.ShouldHaveSingleItem().Header("Accept-Language").ShouldBe("ru");
    }

    [Fact]
    public async Task Invoke_ShouldSummarizeAProblemInRussian_WhenLangIsRu()
    {
        Server.OnProblem("GET", "/api/metadata/entities", 500, JsonNode.Parse(Payload.Read("problem-server-error.json"))!.AsObject());

        var result = await RunAsync("entity", "list", "--lang", "ru");

        result.ExitCode.ShouldBe(3);
        result.StderrLines[0].ShouldStartWith("ошибка server.error: ");
        result.StderrLines[^1].ShouldBe("  идентификатор трассировки: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    [Fact]
    public async Task Invoke_ShouldExitThreeWithTraceId_WhenServerFails()
    {
        Server.OnProblem("GET", "/api/metadata/entities", 500, JsonNode.Parse(Payload.Read("problem-server-error.json"))!.AsObject());

        var result = await RunAsync("entity", "list");

        result.ExitCode.ShouldBe(3);
        result.StderrLines.ShouldBe(
        [
            "error server.error: An unexpected error occurred.",
            "  trace id: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        ]);
    }

    [Fact]
    public async Task Invoke_ShouldExitThree_WhenStoreIsUnavailable()
    {
        Server.OnProblem("GET", "/api/records/contact", 503, new JsonObject
        {
            ["title"] = "The store is unavailable.",
            ["status"] = 503,
            ["code"] = "store.unavailable",
        });

        var result = await RunAsync("record", "list", "contact");

        result.ExitCode.ShouldBe(3);
        result.StderrLines.ShouldBe(["error store.unavailable: The store is unavailable."]);
    }

    [Fact]
    public async Task Invoke_ShouldDescribeStatus_WhenErrorIsNotProblemJson()
    {
        Server.On(new FakeRoute
        {
            Method = "GET",
            Path = "/api/metadata/entities",
            Status = 502,
            ContentType = "text/html",
            Body = "<html>\n<body>Bad gateway from the proxy</body></html>",
        });

        var result = await RunAsync("entity", "list");

        result.ExitCode.ShouldBe(3);
        result.StderrLines.ShouldBe(["error http.502: Bad Gateway", "  <html>"]);
    }

    [Fact]
    public async Task Invoke_ShouldExitThree_WhenSuccessBodyIsNotJson()
    {
        Server.On(new FakeRoute { Method = "GET", Path = "/api/metadata/entities", ContentType = "text/html", Body = "<html></html>" });

        var result = await RunAsync("entity", "list");

        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldContain("is not JSON");
        result.Stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Invoke_ShouldExitOne_WhenNotFoundHasNoBody()
    {
        Server.OnJson("GET", "/api/metadata/entities/ghost", body: null, status: 404);

        var result = await RunAsync("entity", "show", "ghost");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(["error http.404: Not Found"]);
    }

    [Theory]
    [InlineData("entity", "explode")]
    [InlineData("record", "get", "contact")]
    [InlineData("entity", "list", "--output", "xml")]
    [InlineData("entity", "list", "--lang", "de")]
    [InlineData("record", "create", "contact")]
    [InlineData("record", "delete", "contact", "42", "--version", "three")]
    [InlineData("entity", "list", "extra")]
    public async Task Invoke_ShouldExitTwoWithoutCallingTheServer_WhenUsageIsWrong(params string[] args)
    {
        var result = await RunAsync(args);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.StderrLines[0].ShouldStartWith("error: ");
        result.StderrLines[^1].ShouldEndWith("--help' for usage.");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_ShouldExitTwo_WhenNoCommandIsGiven()
    {
        var result = await RunAsync();

        result.ExitCode.ShouldBe(2);
        result.StderrLines[^1].ShouldBe("Run 'crmkit --help' for usage.");
    }

    [Fact]
    public async Task Invoke_ShouldExitTwo_WhenServerIsNotAnHttpUrl()
    {
        var result = await new CliRunner(server: null).RunAsync("entity", "list", "--server", "ftp://example");

        result.ExitCode.ShouldBe(2);
        result.StderrLines.ShouldBe(["error: the server address 'ftp://example' is not an http:// or https:// URL."]);
    }

    [Fact]
    public async Task Invoke_ShouldPrintHelpAndExitZero_WhenHelpIsAsked()
    {
        var result = await RunAsync("record", "list", "--help");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("--filter");
        result.Stdout.ShouldContain("--all");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_ShouldSendApiKey_WhenGiven()
    {
        Server.OnJson("GET", "/api/metadata/entities", Payload.Read("entities.json"));

        await RunAsync("entity", "list", "--api-key", "s3cret");

        Server.Requests.Single().Header("Authorization").ShouldBe("ApiKey s3cret");
    }

    [Fact]
    public async Task Invoke_ShouldSendApiKeyFromEnvironment_WhenOptionIsNotGiven()
    {
        Server.OnJson("GET", "/api/metadata/entities", Payload.Read("entities.json"));
        var runner = new CliRunner(Server.BaseAddress) { Environment = { ["CRMKIT_API_KEY"] = "from-env" } };

        await runner.RunAsync("entity", "list");

        Server.Requests.Single().Header("Authorization").ShouldBe("ApiKey from-env");
    }

    [Fact]
    public async Task Invoke_ShouldSendNoAuthorization_WhenNoKeyIsGiven()
    {
        Server.OnJson("GET", "/api/metadata/entities", Payload.Read("entities.json"));

        await RunAsync("entity", "list");

        var request = Server.Requests.Single();
        request.Header("Authorization").ShouldBeNull();
        request.Header("Accept").ShouldBe("application/json, application/problem+json");
        request.Header("User-Agent").ShouldStartWith("crmkit-cli/");
    }

    [Fact]
    public async Task Invoke_ShouldUseServerFromEnvironment_WhenServerOptionIsNotGiven()
    {
        Server.OnJson("GET", "/api/metadata/entities", Payload.Read("entities.json"));
        var runner = new CliRunner(server: null) { Environment = { ["CRMKIT_SERVER"] = Server.BaseAddress.ToString() } };

        var result = await runner.RunAsync("entity", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Invoke_ShouldKeepThePathPrefixOfTheServerAddress()
    {
        Server.OnJson("GET", "/crm/api/metadata/entities", Payload.Read("entities.json"));

        var result = await new CliRunner(new Uri(Server.BaseAddress, "crm")).RunAsync("entity", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        Server.Requests.Single().Path.ShouldBe("/crm/api/metadata/entities");
    }

    [Fact]
    public async Task Invoke_ShouldAcceptGlobalOptionsBeforeTheCommand()
    {
        Server.OnJson("GET", "/api/metadata/entities", Payload.Read("entities.json"));

        var result = await RunAsync("--output", "json", "--lang", "en", "entity", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        JsonNode.Parse(result.Stdout)!["items"].ShouldNotBeNull();
        Server.Requests.Single().Header("Accept-Language").ShouldBe("en");
    }
}
