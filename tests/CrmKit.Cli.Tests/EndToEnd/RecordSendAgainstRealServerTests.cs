using System.Text.Json.Nodes;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary><c>crmkit record send</c> against the real server with a registered record message, end to end.</summary>
public sealed class RecordSendAgainstRealServerTests(RealMessageServer server) : IClassFixture<RealMessageServer>
{
    private CliRunner Cli => server.Cli();

    [Fact]
    public async Task Send_ShouldPrintTheOutput_AndRefuseABadInputWithItsPointer()
    {
        var created = await Cli.RunAsync("--output", "json", "record", "create", "deal", "--data", """{"title": "A", "stage": "new"}""");
        created.ExitCode.ShouldBe(0, created.ToString());
        var id = JsonNode.Parse(created.Stdout)!["id"]!.GetValue<string>();

        var bad = await Cli.RunAsync("record", "send", "deal", id, RealMessageServer.Message, "--data", """{"reason": "x"}""");
        bad.ExitCode.ShouldBe(1);
        bad.Stderr.ShouldContain("/reason");

        var unknown = await Cli.RunAsync("record", "send", "deal", id, "deal.nope");
        unknown.ExitCode.ShouldBe(1);
        unknown.Stderr.ShouldContain("record.message_not_found");

        var won = await server.Cli("""{"reason": "price"}""")
            .RunAsync("--output", "json", "record", "send", "deal", id, RealMessageServer.Message, "--data", "-");
        won.ExitCode.ShouldBe(0, won.ToString());
        JsonNode.Parse(won.Stdout)!["output"]!["version"]!.GetValue<long>().ShouldBe(2);

        var got = await Cli.RunAsync("--output", "json", "record", "get", "deal", id);
        JsonNode.Parse(got.Stdout)!["stage"]!.GetValue<string>().ShouldBe("won");

        // Again, in table mode: the output is printed as JSON (winning a won deal changes nothing).
        var again = await Cli.RunAsync("record", "send", "deal", id, RealMessageServer.Message, "--data", """{"reason": "again"}""");
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Stdout.ShouldContain("\"version\": 2");
    }
}
