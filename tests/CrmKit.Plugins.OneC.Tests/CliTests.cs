extern alias cli;

using System.Text.Json.Nodes;
using System.Xml.Linq;
using cli::CrmKit.Cli;
using CrmKit.Plugins.OneC.Tests.Infrastructure;

namespace CrmKit.Plugins.OneC.Tests;

/// <summary><c>crmkit 1c validate</c> (local) and <c>crmkit 1c export</c> (against the stock server with the plugin).</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Validate_ShouldPassTheGoldenOrder()
    {
        var (code, stdout, _) = await RunAsync("1c", "validate", TestData.PathOf("order-2.10-valid.xml"));

        code.ShouldBe(0);
        stdout.ShouldContain("valid CommerceML 2.10 (no errors, no warnings)");
    }

    [Fact]
    public async Task Validate_ShouldPrintEachIssueWithLineAndPositionAndFail()
    {
        var file = TestData.PathOf("1c-orders-documents-2.09.xml");

        var (code, stdout, _) = await RunAsync("1c", "validate", file, "--version", "2.08");

        code.ShouldBe(1);
        stdout.ShouldContain($"{file}:6:10: error: The element 'Документ' in namespace 'urn:1C.ru:commerceml_2' has invalid child element 'НомерВерсии'");
        stdout.ShouldContain("not valid CommerceML 2.08: 3 error(s), 0 warning(s).");
    }

    [Fact]
    public async Task Validate_ShouldFailAFileThatOnlyHasWarnings()
    {
        var (code, stdout, _) = await RunAsync("1c", "validate", TestData.PathOf("bitrix-orders-empty-2.05-cp1251.xml"), "--output", "json");

        code.ShouldBe(1);
        var result = JsonNode.Parse(stdout)!;
        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        result["issues"]!.AsArray().Count(i => (string)i!["severity"]! == "warning").ShouldBe(8);
    }

    [Fact]
    public async Task Validate_ShouldSayWhenTheFileCannotBeRead()
    {
        var (code, _, stderr) = await RunAsync("1c", "validate", Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xml"));

        code.ShouldBe(2);
        stderr.ShouldContain("cannot read");
    }

    [Fact]
    public async Task Export_ShouldWriteTheServersCommerceMlToAFile()
    {
        using var server = new OneCServer();
        using var admin = server.Admin();
        var deal = await ExchangeDialogueTests.CreateOrderAsync(admin, "CLI", 2);
        var file = Path.Combine(server.Folder, "orders.xml");
        var address = server.ClientOptions.BaseAddress.ToString();

        var (code, stdout, stderr) = await RunAsync("1c", "export", "--deal", deal, "--since", "2020-01-01", "--file", file,
            "--server", address, "--api-key", OneCServer.AdminKey);

        code.ShouldBe(0, stderr);
        stdout.ShouldStartWith($"Exported to {file} (");
        TestData.ShouldBeValidCommerceMl(File.ReadAllBytes(file));
        XDocument.Load(file).Root!.Elements().Single().Elements().First().Value.ShouldBe(deal);

        var (toStdout, xml, _) = await RunAsync("1c", "export", "--deal", deal, "--server", address, "--api-key", OneCServer.AdminKey);
        toStdout.ShouldBe(0);
        xml.ShouldStartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        xml.ShouldContain("<Ид>" + deal + "</Ид>");

        var (refused, _, error) = await RunAsync("1c", "export", "--deal", "42", "--server", address, "--api-key", OneCServer.AdminKey);
        refused.ShouldBe(2);
        error.ShouldContain("--deal: '42' is not a record id");
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CrmCli.InvokeAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
