using System.Text.Json.Nodes;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>The <c>crmkit template</c> commands against the real REST layer and template engine, end to end.</summary>
public sealed class TemplateCommandsAgainstRealServerTests(RealServer server) : IClassFixture<RealServer>, IDisposable
{
    private const string Greeting = """
        Здравствуйте, {{ record.first_name }} {{ record.last_name }}! {{ "ok" | string.upcase }}
        {{ 3 }} {{ 3 | plural "день" "дня" "дней" }}

        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-cli-templates-").FullName;

    private CliRunner Cli => server.Cli();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task SetShowPreviewDelete_ShouldWorkEndToEnd_AgainstAContact()
    {
        var created = await Cli.RunAsync("--output", "json", "record", "create", "contact", "--data", """{"first_name": "Иван", "last_name": "Петров"}""");
        created.ExitCode.ShouldBe(0, created.ToString());
        var id = JsonNode.Parse(created.Stdout)!["id"]!.GetValue<string>();
        var file = Path.Combine(_directory, "greeting.scriban");
        await File.WriteAllTextAsync(file, Greeting);

        var set = await Cli.RunAsync("template", "set", "contact.greeting", "--kind", "document", "--locale", "ru-RU",
            "--source", "@" + file, "--description", "Приветствие");
        set.ExitCode.ShouldBe(0, set.ToString());
        set.StdoutLines.ShouldBe(["Saved template contact.greeting (ru-RU) at version 1."]);

        var list = await Cli.RunAsync("template", "list");
        list.ExitCode.ShouldBe(0, list.ToString());
        list.StdoutLines[0].ShouldStartWith("NAME");
        list.StdoutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["NAME", "LOCALE", "KIND", "VERSION", "UPDATED"]);
        list.StdoutLines.ShouldContain(line => line.StartsWith("contact.greeting  ru-RU   document  1", StringComparison.Ordinal));

        var show = await Cli.RunAsync("template", "show", "contact.greeting", "--locale", "ru");
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldContain("Приветствие");
        show.Stdout.ShouldContain("document");
        show.Stdout.ShouldContain(Greeting);

        var preview = await Cli.RunAsync("template", "preview", "contact.greeting", "--entity", "contact", "--id", id);
        preview.ExitCode.ShouldBe(0, preview.ToString());
        preview.Stdout.ShouldBe("Здравствуйте, Иван Петров! OK\n3 дня\n");

        var delete = await Cli.RunAsync("template", "delete", "contact.greeting");
        delete.ExitCode.ShouldBe(0, delete.ToString());
        delete.StdoutLines.ShouldBe(["Deleted template contact.greeting in every locale."]);
        var gone = await Cli.RunAsync("template", "show", "contact.greeting");
        gone.ExitCode.ShouldBe(1, gone.ToString());
        gone.Stderr.ShouldContain("template.not_found");
    }

    [Fact]
    public async Task Set_ShouldReadTheSourceFromStandardInput_AndRefuseAStaleVersion()
    {
        var stdin = server.Cli("{{ \"a\" }}\n");
        var first = await stdin.RunAsync("template", "set", "stdin.sample", "--kind", "message", "--source", "-", "--locale", "en");
        first.ExitCode.ShouldBe(0, first.ToString());

        var second = await Cli.RunAsync("--output", "json", "template", "set", "stdin.sample", "--kind", "message", "--locale", "en",
            "--source", "b", "--version", "1");
        second.ExitCode.ShouldBe(0, second.ToString());
        JsonNode.Parse(second.Stdout)!["version"]!.GetValue<long>().ShouldBe(2);

        var stale = await Cli.RunAsync("template", "set", "stdin.sample", "--kind", "message", "--locale", "en", "--source", "c", "--version", "1");
        stale.ExitCode.ShouldBe(1, stale.ToString());
        stale.Stderr.ShouldContain("template.version_conflict");

        var show = await Cli.RunAsync("--output", "json", "template", "show", "stdin.sample");
        JsonNode.Parse(show.Stdout)!["source"]!.GetValue<string>().ShouldBe("b");
        (await Cli.RunAsync("template", "delete", "stdin.sample", "--locale", "en")).StdoutLines.ShouldBe(["Deleted template stdin.sample (en)."]);
    }

    [Fact]
    public async Task Set_ShouldFailWithTemplateSyntax_WhenTheSourceDoesNotParse()
    {
        var result = await Cli.RunAsync("template", "set", "broken.sample", "--kind", "email", "--source", "Hello\n{{ if }}");

        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("template.syntax");
        result.Stderr.ShouldContain("line 2");
        result.Stdout.ShouldBeEmpty();
        (await Cli.RunAsync("template", "show", "broken.sample")).ExitCode.ShouldNotBe(0);
    }
}
