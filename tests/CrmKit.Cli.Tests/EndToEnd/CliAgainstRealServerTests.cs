using System.Text.Json.Nodes;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>The crmkit tool against the real server: metadata, records, concurrency and errors, end to end.</summary>
public sealed class CliAgainstRealServerTests(RealServer server) : IClassFixture<RealServer>
{
    private CliRunner Cli => server.Cli();

    [Fact]
    public async Task EntityList_ShouldShowTheStandardModel()
    {
        var result = await Cli.RunAsync("entity", "list");

        result.ExitCode.ShouldBe(0, result.ToString());
        foreach (var entity in new[] { "company", "contact", "lead", "deal", "activity", "note" })
        {
            result.Stdout.ShouldContain(entity);
        }
    }

    [Fact]
    public async Task FieldAndRecordCommands_ShouldWorkEndToEnd()
    {
        var add = await Cli.RunAsync("field", "add", "contact", "nickname", "--type", "string", "--max-length", "20", "--indexed",
            "--label-en", "Nickname", "--label-ru", "Прозвище");
        add.ExitCode.ShouldBe(0, add.ToString());
        (await Cli.RunAsync("entity", "show", "contact")).Stdout.ShouldContain("nickname");

        var created = await Cli.RunAsync("--output", "json", "record", "create", "contact", "--data", """{"first_name": "Иван", "nickname": "vanya"}""");
        created.ExitCode.ShouldBe(0, created.ToString());
        var id = JsonNode.Parse(created.Stdout)!["id"]!.GetValue<string>();

        var listed = await Cli.RunAsync("--output", "json", "record", "list", "contact", "--filter", "nickname eq 'vanya'", "--count");
        listed.ExitCode.ShouldBe(0, listed.ToString());
        JsonNode.Parse(listed.Stdout)!["total"]!.GetValue<long>().ShouldBe(1);

        (await Cli.RunAsync("record", "update", "contact", id, "--data", """{"position": "CTO"}""", "--version", "1")).ExitCode.ShouldBe(0);
        var stale = await Cli.RunAsync("record", "update", "contact", id, "--data", """{"position": "CEO"}""", "--version", "1");
        stale.ExitCode.ShouldBe(1);
        stale.Stderr.ShouldContain("record.version_conflict");

        var tighten = await Cli.RunAsync("field", "update", "contact", "nickname", "--max-length", "3");
        tighten.ExitCode.ShouldBe(1);
        tighten.Stderr.ShouldContain("metadata.records_violate_change");
        tighten.Stderr.ShouldContain(id);

        (await Cli.RunAsync("record", "delete", "contact", id)).ExitCode.ShouldBe(0);
        (await Cli.RunAsync("record", "get", "contact", id)).ExitCode.ShouldBe(1);
        (await Cli.RunAsync("record", "restore", "contact", id)).ExitCode.ShouldBe(0);
        var got = await Cli.RunAsync("--output", "json", "record", "get", "contact", id);
        JsonNode.Parse(got.Stdout)!["position"]!.GetValue<string>().ShouldBe("CTO");
    }

    [Fact]
    public async Task InvalidRecord_ShouldPrintEveryFieldError_InRussian()
    {
        var result = await Cli.RunAsync("--lang", "ru", "record", "create", "contact", "--data", """{"email": "bad"}""");

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("/first_name");
        result.Stderr.ShouldContain("/email");
        result.Stderr.ShouldContain("Поле обязательно.");
    }
}
