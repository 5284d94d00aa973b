using System.Text;
using System.Text.Json.Nodes;
using CrmKit.Cli.Tests.Fakes;

namespace CrmKit.Cli.Tests.Commands;

public sealed class RecordExportCommandTests : CliTestBase, IDisposable
{
    private const string Path = "/api/records/deal/export";

    // What the server sends: a byte-order mark, CRLF line ends, a quoted cell with a line break inside.
    private const string Csv = "\uFEFFid,title,stage\r\n1,Поставка,won\r\n2,\"Два\r\nэтапа\",new\r\n3,\"Say \"\"hi\"\"\",lost\r\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-cli-export-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Export_ShouldWriteTheCsvToStandardOutput_ExactlyAsItCame()
    {
        OnCsv(Csv);

        var result = await RunAsync("record", "export", "deal");

        result.ExitCode.ShouldBe(0, result.ToString());
        var request = Server.Requests.ShouldHaveSingleItem();
        request.ToString().ShouldBe($"GET {Path}");
        request.Header("Accept").ShouldBe("text/csv, application/problem+json");
        result.Stdout.ShouldBe(Csv);
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Export_ShouldSendFilterSortSelectAndDelimiter()
    {
        OnCsv("\uFEFFid;title\r\n");

        var result = await RunAsync("record", "export", "deal", "--filter", "stage eq 'won'", "--sort", "amount desc",
            "--select", "title,stage", "--delimiter", ";");

        result.ExitCode.ShouldBe(0, result.ToString());
        var query = Server.Requests.ShouldHaveSingleItem().Query;
        query["filter"].ShouldBe("stage eq 'won'");
        query["sort"].ShouldBe("amount desc");
        query["select"].ShouldBe("title,stage");
        query["delimiter"].ShouldBe(";");
    }

    [Fact]
    public async Task Export_ShouldKeepCharactersWhoseBytesArriveInDifferentReads()
    {
        // Far more than one read buffer of two-byte letters, so that some letter is split between two reads.
        var body = "\uFEFFid,name\r\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},Ёжик Щукин\r\n"));
        OnCsv(body);

        var result = await RunAsync("record", "export", "deal");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldBe(body);
    }

    [Fact]
    public async Task Export_ShouldWriteTheFileByteForByte_AndCountTheRecords()
    {
        OnCsv(Csv);
        var file = System.IO.Path.Combine(_directory, "deals.csv");

        var result = await RunAsync("record", "export", "deal", "--file", file);

        result.ExitCode.ShouldBe(0, result.ToString());
        (await File.ReadAllBytesAsync(file)).ShouldBe(Encoding.UTF8.GetBytes(Csv));
        (await File.ReadAllBytesAsync(file))[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        result.StdoutLines.ShouldBe([$"Exported 3 deal record(s) to {file}."]);
        Directory.GetFiles(_directory).ShouldBe([file], "no temporary file is left behind");
    }

    [Fact]
    public async Task Export_ShouldPrintNothing_WhenWritingAFileWithOutputJson()
    {
        OnCsv(Csv);
        var file = System.IO.Path.Combine(_directory, "deals.csv");

        var result = await RunAsync("record", "export", "deal", "--file", file, "-o", "json");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldBeEmpty();
        File.Exists(file).ShouldBeTrue();
    }

    [Fact]
    public async Task Export_ShouldPrintTheProblemAndLeaveTheFileAlone_WhenTheServerRefuses()
    {
        Server.OnProblem("GET", Path, 403, new JsonObject
        {
            ["title"] = "You may not export records of 'deal'.",
            ["status"] = 403,
            ["code"] = "access.denied",
        });
        var file = System.IO.Path.Combine(_directory, "deals.csv");
        await File.WriteAllTextAsync(file, "yesterday's export");

        var result = await RunAsync("record", "export", "deal", "--file", file);

        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldBeEmpty();
        result.StderrLines.ShouldBe(["error access.denied: You may not export records of 'deal'."]);
        (await File.ReadAllTextAsync(file)).ShouldBe("yesterday's export");
        Directory.GetFiles(_directory).ShouldBe([file]);
    }

    [Fact]
    public async Task Export_ShouldPrintThePointer_WhenTheServerRefusesAParameter()
    {
        Server.OnProblem("GET", Path, 400, new JsonObject
        {
            ["title"] = "Unknown field 'nope'.",
            ["status"] = 400,
            ["code"] = "query.unknown_field",
            ["errors"] = new JsonArray(
                new JsonObject { ["code"] = "query.unknown_field", ["pointer"] = "/select", ["message"] = "Unknown field 'nope'." }),
        });

        var result = await RunAsync("record", "export", "deal", "--select", "nope");

        result.ExitCode.ShouldBe(1);
        result.StderrLines.ShouldBe(
        [
            "error query.unknown_field: Unknown field 'nope'.",
            "  /select: Unknown field 'nope'. (query.unknown_field)",
        ]);
    }

    [Fact]
    public async Task Export_ShouldExitThreeAndWriteNoFile_WhenTheAnswerBreaksOff()
    {
        Server.On(new FakeRoute
        {
            Method = "GET",
            Path = Path,
            ContentType = "text/csv; charset=utf-8",
            Body = "\uFEFFid,title\r\n1,first page\r\n",
            AbortAfterBody = true,
        });
        var file = System.IO.Path.Combine(_directory, "deals.csv");

        var result = await RunAsync("record", "export", "deal", "--file", file);

        result.ExitCode.ShouldBe(3, result.ToString());
        result.Stderr.ShouldStartWith("error: ");
        Directory.GetFiles(_directory).ShouldBeEmpty();
    }

    [Fact]
    public async Task Export_ShouldBeAUsageError_WhenTheFileCannotBeWritten()
    {
        var file = System.IO.Path.Combine(_directory, "no-such-folder", "deals.csv");

        var result = await RunAsync("record", "export", "deal", "--file", file);

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldStartWith($"error: --file: cannot write '{file}'");
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Export_ShouldBeAUsageError_WhenTheFileIsAFolder()
    {
        var result = await RunAsync("record", "export", "deal", "--file", _directory);

        result.ExitCode.ShouldBe(2);
        result.StderrLines.ShouldBe([$"error: --file: cannot write '{_directory}' (it is a folder)"]);
        Server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Export_ShouldBeAUsageError_WhenTheDelimiterIsUnknown()
    {
        var result = await RunAsync("record", "export", "deal", "--delimiter", "|");

        result.ExitCode.ShouldBe(2);
        Server.Requests.ShouldBeEmpty();
    }

    private void OnCsv(string body) =>
        Server.On(new FakeRoute { Method = "GET", Path = Path, ContentType = "text/csv; charset=utf-8", Body = body });
}
