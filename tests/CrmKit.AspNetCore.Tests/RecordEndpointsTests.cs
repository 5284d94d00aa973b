using System.Net;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests;

public sealed class RecordEndpointsTests : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api;

    public RecordEndpointsTests(CrmKitServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task Create_ShouldReturn201WithLocationETagAndSystemFieldsFirst()
    {
        var entity = await _api.CreateWidgetAsync();

        using var response = await _api.PostJsonAsync($"/api/records/{entity}", """{"name": "Alpha", "score": 3}""");

        var record = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        var id = record["id"]!.GetValue<string>();
        response.Headers.Location!.ToString().ShouldBe($"/api/records/{entity}/{id}");
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
        record.Select(p => p.Key).Take(7).ShouldBe(
            ["id", "version", "created_at", "created_by", "updated_at", "updated_by", "owner_id"]);
        record.ContainsKey("deleted_at").ShouldBeFalse();
        record["version"]!.GetValue<long>().ShouldBe(1);
        record["created_at"]!.GetValue<string>().ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$");
        record["name"]!.GetValue<string>().ShouldBe("Alpha");
    }

    [Fact]
    public async Task Get_ShouldRoundTripACustomFieldAddedAtRunTime()
    {
        var entity = await _api.CreateWidgetAsync();
        using (var added = await _api.PostJsonAsync(
            $"/api/metadata/entities/{entity}/fields",
            """{"name": "nickname", "schema": {"x-crm-type": "string", "maxLength": 40}}"""))
        {
            await added.ShouldBeJsonAsync(HttpStatusCode.Created);
        }

        var created = await _api.CreateRecordAsync(entity, """{"name": "Beta", "nickname": "Bee"}""");
        using var response = await _api.GetAsync($"/api/records/{entity}/{created["id"]}");

        var record = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        record["nickname"]!.GetValue<string>().ShouldBe("Bee");
        response.Headers.ETag!.Tag.ShouldBe("\"1\"");
    }

    [Fact]
    public async Task Patch_ShouldReturn409AndChangeNothing_WhenIfMatchIsStale()
    {
        var entity = await _api.CreateWidgetAsync();
        var created = await _api.CreateRecordAsync(entity, """{"name": "Gamma", "score": 1}""");
        var path = $"/api/records/{entity}/{created["id"]}";
        using (var first = await _api.PatchJsonAsync(path, """{"score": 2}""", ifMatch: "\"1\""))
        {
            (await first.ShouldBeJsonAsync(HttpStatusCode.OK))["version"]!.GetValue<long>().ShouldBe(2);
        }

        using var stale = await _api.PatchJsonAsync(path, """{"score": 99}""", ifMatch: "\"1\"");

        await stale.ShouldBeProblemAsync(409, "record.version_conflict");
        var current = await _api.GetJsonAsync(path);
        current["score"]!.GetValue<long>().ShouldBe(2);
        current["version"]!.GetValue<long>().ShouldBe(2);
    }

    [Fact]
    public async Task Patch_ShouldHonourWeakETagsAndTheVersionMember()
    {
        var entity = await _api.CreateWidgetAsync();
        var created = await _api.CreateRecordAsync(entity, """{"name": "Delta"}""");
        var path = $"/api/records/{entity}/{created["id"]}";

        using (var weak = await _api.PatchJsonAsync(path, """{"score": 5}""", ifMatch: "W/\"1\""))
        {
            await weak.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        using (var inBody = await _api.PatchJsonAsync(path, """{"score": 6, "version": 2}"""))
        {
            var record = await inBody.ShouldBeJsonAsync(HttpStatusCode.OK);
            record["version"]!.GetValue<long>().ShouldBe(3);
            record["score"]!.GetValue<long>().ShouldBe(6);
        }

        using var staleBody = await _api.PatchJsonAsync(path, """{"score": 7, "version": 2}""");
        await staleBody.ShouldBeProblemAsync(409, "record.version_conflict");
        (await _api.GetJsonAsync(path))["score"]!.GetValue<long>().ShouldBe(6);
    }

    [Fact]
    public async Task Patch_ShouldReturn400_WhenIfMatchAndVersionDisagree()
    {
        var entity = await _api.CreateWidgetAsync();
        var created = await _api.CreateRecordAsync(entity, """{"name": "Eps"}""");
        var path = $"/api/records/{entity}/{created["id"]}";

        using var response = await _api.PatchJsonAsync(path, """{"score": 1, "version": 1}""", ifMatch: "\"2\"");

        await response.ShouldBeProblemAsync(400, "request.version_mismatch");
        (await _api.GetJsonAsync(path))["version"]!.GetValue<long>().ShouldBe(1);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"abc\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("W/3")]
    [InlineData("\"0\"")]
    public async Task Patch_ShouldReturn400_WhenIfMatchIsMalformed(string ifMatch)
    {
        var entity = await _api.CreateWidgetAsync();
        var created = await _api.CreateRecordAsync(entity, """{"name": "Zeta"}""");
        var path = $"/api/records/{entity}/{created["id"]}";

        using var response = await _api.PatchJsonAsync(path, """{"score": 1}""", ifMatch: ifMatch);

        await response.ShouldBeProblemAsync(400, "request.invalid_if_match");
        (await _api.GetJsonAsync(path))["version"]!.GetValue<long>().ShouldBe(1);
    }

    [Fact]
    public async Task Patch_ShouldClearAField_WhenTheValueIsNull()
    {
        var entity = await _api.CreateWidgetAsync();
        var created = await _api.CreateRecordAsync(entity, """{"name": "Eta", "score": 4}""");
        var path = $"/api/records/{entity}/{created["id"]}";

        using var response = await _api.PatchJsonAsync(path, """{"score": null}""");

        var record = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        (record["score"] is null).ShouldBeTrue();
    }

    [Fact]
    public async Task Delete_ShouldHideTheRecordUntilRestored()
    {
        var entity = await _api.CreateWidgetAsync();
        var created = await _api.CreateRecordAsync(entity, """{"name": "Theta"}""");
        var path = $"/api/records/{entity}/{created["id"]}";

        using (var deleted = await _api.Client.DeleteAsync(path))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var gone = await _api.GetAsync(path))
        {
            await gone.ShouldBeProblemAsync(404, "record.not_found");
        }

        var inBin = await _api.GetJsonAsync(path + "?deleted=true");
        inBin["deleted_at"]!.GetValue<string>().ShouldEndWith("Z");
        (await _api.CountAsync(entity)).ShouldBe(0);
        (await _api.CountAsync(entity, deleted: true)).ShouldBe(1);

        using (var restored = await _api.PostJsonAsync(path + "/restore", "{}"))
        {
            var record = await restored.ShouldBeJsonAsync(HttpStatusCode.OK);
            record.ContainsKey("deleted_at").ShouldBeFalse();
            restored.Headers.ETag.ShouldNotBeNull();
        }

        (await _api.GetJsonAsync(path))["name"]!.GetValue<string>().ShouldBe("Theta");
        (await _api.CountAsync(entity)).ShouldBe(1);
    }

    [Fact]
    public async Task Delete_ShouldReturn409AndKeepTheRecord_WhenIfMatchIsStale()
    {
        var entity = await _api.CreateWidgetAsync();
        var created = await _api.CreateRecordAsync(entity, """{"name": "Iota"}""");
        var path = $"/api/records/{entity}/{created["id"]}";
        using (var changed = await _api.PatchJsonAsync(path, """{"score": 1}"""))
        {
            await changed.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        using var response = await _api.Client.SendAsync(request);

        await response.ShouldBeProblemAsync(409, "record.version_conflict");
        (await _api.CountAsync(entity)).ShouldBe(1);
    }

    [Fact]
    public async Task CreateArray_ShouldCreateAllRecordsInOneAnswer()
    {
        var entity = await _api.CreateWidgetAsync();

        using var response = await _api.PostJsonAsync($"/api/records/{entity}", """[{"name": "A"}, {"name": "B"}, {"name": "C"}]""");

        var body = await response.ShouldBeJsonAsync(HttpStatusCode.Created);
        body["items"]!.AsArray().Select(r => r!["name"]!.GetValue<string>()).ShouldBe(["A", "B", "C"]);
        (await _api.CountAsync(entity)).ShouldBe(3);
    }

    [Fact]
    public async Task Get_ShouldReturn404_WhenTheIdIsNotAUuid()
    {
        var entity = await _api.CreateWidgetAsync();

        using var response = await _api.GetAsync($"/api/records/{entity}/not-a-uuid");

        await response.ShouldBeProblemAsync(404, "record.not_found");
    }

    [Theory]
    [InlineData("PATCH", "")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/restore")]
    public async Task Operations_ShouldReturn404_WhenTheRecordDoesNotExist(string method, string suffix)
    {
        var entity = await _api.CreateWidgetAsync();
        var path = $"/api/records/{entity}/{Guid.CreateVersion7()}{suffix}";

        using var response = await _api.SendJsonAsync(new HttpMethod(method), path, """{"score": 1}""");

        await response.ShouldBeProblemAsync(404, "record.not_found");
        (await _api.CountAsync(entity)).ShouldBe(0);
    }

    [Fact]
    public async Task Restore_ShouldReturn409_WhenTheRecordIsNotDeleted()
    {
        var entity = await _api.CreateWidgetAsync();
        var created = await _api.CreateRecordAsync(entity, """{"name": "Kappa"}""");

        using var response = await _api.PostJsonAsync($"/api/records/{entity}/{created["id"]}/restore", "{}");

        await response.ShouldBeProblemAsync(409, "record.not_deleted");
    }
}
