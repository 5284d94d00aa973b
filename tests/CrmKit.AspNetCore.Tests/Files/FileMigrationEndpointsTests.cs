using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;
using CrmKit.AspNetCore.Tests.Security;

namespace CrmKit.AspNetCore.Tests.Files;

/// <summary>
/// Migrations between two real stores (the built-in <c>local</c> and a second local store <c>archive</c>): every file
/// is copied, verified and switched; a tampered file is refused by its hash; running again resumes. One server per test,
/// since a migration moves every attachment of the database.
/// </summary>
public sealed class FileMigrationEndpointsTests : IDisposable
{
    private readonly FilesServerFactory _factory = new();
    private readonly CrmApi _api;

    public FileMigrationEndpointsTests()
    {
        _api = new CrmApi(_factory.CreateClient());
    }

    public void Dispose() => _factory.Dispose();

    private async Task<JsonObject> MigrateAsync(string to)
    {
        using var started = await _api.PostJsonAsync("/api/files/migrations", $$"""{"to": "{{to}}"}""");
        (await started.ShouldBeJsonAsync(HttpStatusCode.Accepted))["to"]!.GetValue<string>().ShouldBe(to);
        for (var i = 0; i < 600; i++)
        {
            var status = await _api.GetJsonAsync("/api/files/migrations/current");
            if (status["state"]!.GetValue<string>() != "running")
            {
                return status;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The migration did not end.");
    }

    [Fact]
    public async Task Migrate_ShouldMoveEveryFileToTheTarget_KeepThemReadable_AndFindNothingLeftTheSecondTime()
    {
        var deal = await AttachmentEndpointsTests.NewDealAsync(_api);
        var contents = new[] { AttachmentEndpointsTests.Content(10), AttachmentEndpointsTests.Content(200_000, 2), AttachmentEndpointsTests.Content(0) };
        var ids = new List<string>();
        foreach (var content in contents)
        {
            ids.Add((await (await AttachmentEndpointsTests.UploadRawAsync(_api, deal, content)).ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>());
        }

        var first = await MigrateAsync("archive");
        var second = await MigrateAsync("archive");

        first["state"]!.GetValue<string>().ShouldBe("completed");
        first["total"]!.GetValue<long>().ShouldBe(3);
        first["moved"]!.GetValue<long>().ShouldBe(3);
        second["total"]!.GetValue<long>().ShouldBe(0);
        second["moved"]!.GetValue<long>().ShouldBe(0);
        FilesServerFactory.FilesUnder(_factory.LocalRoot).ShouldBeEmpty();
        FilesServerFactory.FilesUnder(_factory.ArchiveRoot).Count.ShouldBe(3);
        for (var i = 0; i < ids.Count; i++)
        {
            (await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments/{ids[i]}"))["store"]!.GetValue<string>().ShouldBe("archive");
            using var download = await _api.GetAsync($"/api/records/deal/{deal}/attachments/{ids[i]}/content");
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(contents[i]);
        }
    }

    [Fact]
    public async Task Migrate_ShouldRefuseAFileWhoseHashNoLongerMatches_AndMoveItOnceRepaired()
    {
        var deal = await AttachmentEndpointsTests.NewDealAsync(_api);
        var content = AttachmentEndpointsTests.Content(1000);
        var id = (await (await AttachmentEndpointsTests.UploadRawAsync(_api, deal, content)).ShouldBeJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
        var path = Path.Combine(_factory.LocalRoot, FilesServerFactory.FilesUnder(_factory.LocalRoot).Single());
        var tampered = (byte[])content.Clone();
        tampered[500] ^= 0xFF;
        await File.WriteAllBytesAsync(path, tampered);

        var refused = await MigrateAsync("archive");

        refused["state"]!.GetValue<string>().ShouldBe("failed");
        refused["failed"]!.GetValue<long>().ShouldBe(1);
        refused["errors"]![0]!.GetValue<string>().ShouldContain("file_migration.hash_mismatch");
        (await _api.GetJsonAsync($"/api/records/deal/{deal}/attachments/{id}"))["store"]!.GetValue<string>().ShouldBe("local");
        FilesServerFactory.FilesUnder(_factory.ArchiveRoot).ShouldBeEmpty();

        await File.WriteAllBytesAsync(path, content);
        var resumed = await MigrateAsync("archive");

        resumed["state"]!.GetValue<string>().ShouldBe("completed");
        resumed["moved"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Migrate_ShouldAnswer400ForAnUnknownStore_404BeforeAnyRun_AndNeedThePrivilege()
    {
        using var none = await _api.GetAsync("/api/files/migrations/current");
        using var unknown = await _api.PostJsonAsync("/api/files/migrations", """{"to": "nowhere"}""");
        using var missing = await _api.PostJsonAsync("/api/files/migrations", """{}""");
        var user = await new SecurityApi(_factory).ClientForNewUserAsync(SecurityApi.NewId("user"));
        using var denied = await user.PostJsonAsync("/api/files/migrations", """{"to": "archive"}""");

        await none.ShouldBeProblemAsync(404, "file_migration.not_found");
        var problem = await unknown.ShouldBeProblemAsync(400, "file_store.not_found");
        problem.ToJsonString().ShouldContain("/to");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await denied.ShouldBeProblemAsync(403, "access.privilege_required");
    }
}
