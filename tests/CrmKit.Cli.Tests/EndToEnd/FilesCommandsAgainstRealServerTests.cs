using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CrmKit.Core;
using CrmKit.Core.Files;
using CrmKit.Sdk.Files;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real server with two real local stores: the built-in <c>local</c> one and <c>archive</c>, a second one the
/// host registers, as a host registers any store.
/// </summary>
public sealed class RealFilesServer : RealServer
{
    public string LocalRoot => Path.Combine(Directory, "files");

    public string ArchiveRoot => Path.Combine(Directory, "archive");

    protected override void Configure(WebApplicationBuilder builder, CrmKitBuilder crm)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CrmKit:Files:LocalRoot"] = LocalRoot });
        builder.Services.AddOptions<FileStoreOptions>().BindConfiguration(FileStoreOptions.SectionName);
        builder.Services.AddKeyedSingleton<IFileStore>("archive", (_, _) => new LocalFileStore(ArchiveRoot));
    }

    /// <summary>Attaches a file to a new deal and returns the attachment.</summary>
    public async Task<JsonNode> AttachAsync(byte[] content)
    {
        using var http = CreateHttpClient();
        using var deal = await http.PostAsync("api/records/deal", new StringContent("""{"title": "CLI", "stage": "new"}""", null, "application/json"));
        deal.StatusCode.ShouldBe(HttpStatusCode.Created, await deal.Content.ReadAsStringAsync());
        var id = JsonNode.Parse(await deal.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var created = await http.PostAsync($"api/records/deal/{id}/attachments?fileName=a.bin", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
    }
}

/// <summary>crmkit files against the real REST layer and stores, end to end.</summary>
public sealed class FilesCommandsAgainstRealServerTests(RealFilesServer server) : IClassFixture<RealFilesServer>
{
    private CliRunner Cli => server.Cli();

    [Fact]
    public async Task Migrate_ShouldMoveTheFilesAndReportIt_ThenStatusShouldShowTheLastRun_AndAGoBackShouldWorkToo()
    {
        await server.AttachAsync([1, 2, 3]);
        await server.AttachAsync(new byte[70_000]);

        var migrate = await Cli.RunAsync("files", "migrate", "--to", "archive", "--interval", "0.05");
        var status = await Cli.RunAsync("--output", "json", "files", "status");
        var back = await Cli.RunAsync("files", "migrate", "--to", "local", "--interval", "0.05");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.StdoutLines[^1].ShouldBe("Migration to 'archive' completed: 2 of 2 file(s) moved, 0 failed.");
        status.ExitCode.ShouldBe(0, status.ToString());
        JsonNode.Parse(status.Stdout)!["state"]!.GetValue<string>().ShouldBe("completed");
        back.ExitCode.ShouldBe(0, back.ToString());
        back.StdoutLines[^1].ShouldBe("Migration to 'local' completed: 2 of 2 file(s) moved, 0 failed.");
        System.IO.Directory.EnumerateFiles(server.ArchiveRoot, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Migrate_ShouldExitWithOne_ForAnUnknownStore()
    {
        var result = await Cli.RunAsync("files", "migrate", "--to", "nowhere");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Stderr.ShouldContain("file_store.not_found");
    }

    [Fact]
    public async Task Migrate_ShouldRefuseABadInterval_AsAUsageError()
    {
        var result = await Cli.RunAsync("files", "migrate", "--to", "archive", "--interval", "0");

        result.ExitCode.ShouldBe(2, result.ToString());
    }
}
