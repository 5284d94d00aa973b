using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace CrmKit.Files.Tests;

/// <summary>
/// The stock server with the published S3 and WebDAV plugins in its plugins folder (loaded through the plugin runtime,
/// as in production), <c>CrmKit:Files:Store = s3</c>, the plugins configured over REST, against the real s3rver and
/// nginx-dav servers: attachments go to S3, then move to WebDAV and back to the local disk with the migration.
/// </summary>
public sealed class StorePluginsServerTests : IDisposable
{
    private const string AdminKey = "crmk_filestests000_aVeryLongSecretForTheFilesTestAdministrator00";
    private readonly string _directory = Directory.CreateTempSubdirectory("crmkit-files-server-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [SkippableFact]
    public async Task Attachments_ShouldGoToTheConfiguredPluginStore_AndMigrateBetweenAllThree()
    {
        var s3 = S3FileStoreTests.Options($"e2e{Guid.NewGuid():N}/");
        var webdav = WebDavFileStoreTests.BaseUrl($"e2e{Guid.NewGuid():N}/");
        Skip.If(s3 is null || webdav is null, $"{S3FileStoreTests.Variable} and {WebDavFileStoreTests.Variable} must be set (test.sh starts s3rver and nginx-dav).");
        var plugins = Path.Combine(_directory, "plugins");
        var published = Path.Combine(AppContext.BaseDirectory, "published-plugins");
        foreach (var file in Directory.EnumerateFiles(published, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(plugins, Path.GetRelativePath(published, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("CrmKit:Storage:ConnectionString", "Data Source=" + Path.Combine(_directory, "crmkit.db"));
            builder.UseSetting("CrmKit:Security:BootstrapApiKey", AdminKey);
            builder.UseSetting("CrmKit:Security:KeyRingDirectory", Path.Combine(_directory, "keys"));
            builder.UseSetting("CrmKit:Plugins:Directory", plugins);
            builder.UseSetting("CrmKit:Plugins:WatchDirectory", "false");
            builder.UseSetting("CrmKit:Files:Store", "s3");
            builder.UseSetting("CrmKit:Files:LocalRoot", Path.Combine(_directory, "files"));
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);

        // Both plugins are loaded and register their stores.
        foreach (var (id, store) in new[] { ("files.s3", "file-store:s3"), ("files.webdav", "file-store:webdav") })
        {
            var plugin = await client.GetFromJsonAsync<JsonObject>($"/api/plugins/{id}");
            plugin!["state"]!.GetValue<string>().ShouldBe("loaded", plugin.ToJsonString());
            plugin["registered"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain(store);
        }

        // Before the S3 plugin is configured, its store is unavailable: 503, and the deal is untouched.
        var deal = await CreateDealAsync(client);
        var first = RandomNumberGenerator.GetBytes(300_000);
        using (var refused = await UploadAsync(client, deal, first))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("file_store.unavailable");
        }

        (await ListAsync(client, deal)).ShouldBeEmpty();

        using (var saved = await client.PutAsJsonAsync("/api/plugins/files.s3/settings", new JsonObject
        {
            ["values"] = new JsonObject
            {
                ["serviceUrl"] = s3!.ServiceUrl.ToString(),
                ["bucket"] = s3.Bucket,
                ["accessKey"] = s3.AccessKey,
                ["secretKey"] = s3.SecretKey,
                ["region"] = s3.Region,
                ["prefix"] = s3.Prefix,
                ["partSizeMiB"] = 5,
            },
        }))
        {
            var settings = await saved.Content.ReadFromJsonAsync<JsonObject>();
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, settings?.ToJsonString());
            settings!["secretsSet"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["secretKey"]);
            settings["values"]!.AsObject().ContainsKey("secretKey").ShouldBeFalse();
        }

        (await client.PutAsJsonAsync("/api/plugins/files.webdav/settings", new JsonObject
        {
            ["values"] = new JsonObject { ["baseUrl"] = webdav!.ToString() },
        })).EnsureSuccessStatusCode();

        // Now uploads go to S3 (one larger than the part size, so in parts).
        var second = RandomNumberGenerator.GetBytes(11 * 1024 * 1024);
        var ids = new List<string>();
        foreach (var content in new[] { first, second })
        {
            using var created = await UploadAsync(client, deal, content);
            var attachment = await created.Content.ReadFromJsonAsync<JsonObject>();
            created.StatusCode.ShouldBe(HttpStatusCode.Created, attachment?.ToJsonString());
            attachment!["store"]!.GetValue<string>().ShouldBe("s3");
            attachment["sha256"]!.GetValue<string>().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
            ids.Add(attachment["id"]!.GetValue<string>());
        }

        await ShouldDownloadAsync(client, deal, ids, [first, second], "s3");
        using (var range = new HttpRequestMessage(HttpMethod.Get, $"/api/records/deal/{deal}/attachments/{ids[1]}/content"))
        {
            range.Headers.Range = new RangeHeaderValue(6 * 1024 * 1024, (6 * 1024 * 1024) + 99);
            using var partial = await client.SendAsync(range);
            partial.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
            (await partial.Content.ReadAsByteArrayAsync()).ShouldBe(second.AsSpan(6 * 1024 * 1024, 100).ToArray());
        }

        // S3 → WebDAV → the local disk, each verified by its hash; reads follow the files.
        foreach (var target in new[] { "webdav", "local" })
        {
            var status = await MigrateAsync(client, target);
            status["state"]!.GetValue<string>().ShouldBe("completed", status.ToJsonString());
            status["moved"]!.GetValue<long>().ShouldBe(2);
            await ShouldDownloadAsync(client, deal, ids, [first, second], target);
        }

        Directory.EnumerateFiles(Path.Combine(_directory, "files"), "*", SearchOption.AllDirectories).Count().ShouldBe(2);
    }

    private static async Task<string> CreateDealAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/records/deal", new JsonObject { ["title"] = "files", ["stage"] = "new" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string deal, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return client.PostAsync($"/api/records/deal/{deal}/attachments?fileName=data.bin", body);
    }

    private static async Task<IReadOnlyList<JsonNode?>> ListAsync(HttpClient client, string deal) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/records/deal/{deal}/attachments"))!["items"]!.AsArray().ToList();

    private static async Task ShouldDownloadAsync(HttpClient client, string deal, List<string> ids, byte[][] contents, string store)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            var metadata = await client.GetFromJsonAsync<JsonObject>($"/api/records/deal/{deal}/attachments/{ids[i]}");
            metadata!["store"]!.GetValue<string>().ShouldBe(store);
            (await client.GetByteArrayAsync($"/api/records/deal/{deal}/attachments/{ids[i]}/content")).ShouldBe(contents[i]);
        }
    }

    private static async Task<JsonObject> MigrateAsync(HttpClient client, string target)
    {
        using var started = await client.PostAsJsonAsync("/api/files/migrations", new JsonObject { ["to"] = target });
        started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        for (var i = 0; i < 1200; i++)
        {
            var status = (await client.GetFromJsonAsync<JsonObject>("/api/files/migrations/current"))!;
            if (status["state"]!.GetValue<string>() != "running")
            {
                return status;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The migration did not end.");
    }
}
