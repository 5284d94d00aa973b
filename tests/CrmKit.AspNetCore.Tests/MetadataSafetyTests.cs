using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests;

/// <summary>Refused tightening, forced changes, archives, restore and history through the metadata endpoints.</summary>
public sealed class MetadataSafetyTests : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api;

    public MetadataSafetyTests(CrmKitServerFactory factory)
    {
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task ChangeField_ShouldReturn409WithAReportAndChangeNothing_WhenRecordsViolateIt()
    {
        var (entity, ids) = await SeedNotesAsync();
        var schemaBefore = (await _api.GetJsonAsync($"/api/metadata/entities/{entity}/schema")).ToJsonString();

        using var response = await _api.PatchJsonAsync(
            $"/api/metadata/entities/{entity}/fields/note", """{"schema": {"x-crm-type": "text", "maxLength": 5}}""");

        var problem = await response.ShouldBeProblemAsync(409, "metadata.records_violate_change");
        problem["violations"]!["count"]!.GetValue<int>().ShouldBe(3);
        problem["violations"]!["recordIds"]!.AsArray().Select(i => i!.GetValue<string>()).ShouldBe(ids.Take(3), ignoreOrder: true);
        (await _api.GetJsonAsync($"/api/metadata/entities/{entity}/schema")).ToJsonString().ShouldBe(schemaBefore);
        var first = await _api.GetJsonAsync($"/api/records/{entity}/{ids[0]}");
        first["note"]!.GetValue<string>().ShouldBe("a long note number 0");
    }

    [Fact]
    public async Task ChangeField_ShouldArchiveViolatingValues_WhenForced()
    {
        var (entity, ids) = await SeedNotesAsync();

        using var response = await _api.PatchJsonAsync(
            $"/api/metadata/entities/{entity}/fields/note", """{"schema": {"x-crm-type": "text", "maxLength": 5}, "force": true}""");

        await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        var first = await _api.GetJsonAsync($"/api/records/{entity}/{ids[0]}");
        first.ContainsKey("note").ShouldBeFalse();
        var shortOne = await _api.GetJsonAsync($"/api/records/{entity}/{ids[3]}");
        shortOne["note"]!.GetValue<string>().ShouldBe("ok");
        var archives = await _api.GetJsonAsync($"/api/metadata/entities/{entity}/archives");
        var archive = archives["items"]!.AsArray().Single()!.AsObject();
        archive["reason"]!.GetValue<string>().ShouldBe("forced");
        archive["count"]!.GetValue<int>().ShouldBe(3);
        archive["field"]!.GetValue<string>().ShouldBe("note");
        archive.Select(p => p.Key).ShouldBe(
            ["id", "entity", "field", "reason", "count", "schemaVersion", "archivedAt", "archivedBy", "restoredAt"]);
    }

    [Fact]
    public async Task RemoveField_ShouldArchiveTheValues_AndRestoreShouldBringThemBack()
    {
        var (entity, ids) = await SeedNotesAsync();

        using var removed = await _api.Client.DeleteAsync($"/api/metadata/entities/{entity}/fields/note");

        var archive = await removed.ShouldBeJsonAsync(HttpStatusCode.OK);
        archive["reason"]!.GetValue<string>().ShouldBe("removed");
        archive["count"]!.GetValue<int>().ShouldBe(4);
        archive["restoredAt"].ShouldBeNull();
        var detail = await _api.GetJsonAsync($"/api/metadata/entities/{entity}");
        detail["fields"]!.AsArray().ShouldNotContain(f => f!["name"]!.GetValue<string>() == "note");
        (await _api.GetJsonAsync($"/api/records/{entity}/{ids[0]}")).ContainsKey("note").ShouldBeFalse();

        using var restored = await _api.PostJsonAsync(
            $"/api/metadata/entities/{entity}/archives/{archive["id"]}/restore", "{}");

        var after = await restored.ShouldBeJsonAsync(HttpStatusCode.OK);
        after["fields"]!.AsArray().ShouldContain(f => f!["name"]!.GetValue<string>() == "note");
        (await _api.GetJsonAsync($"/api/records/{entity}/{ids[0]}"))["note"]!.GetValue<string>().ShouldBe("a long note number 0");
        var archives = await _api.GetJsonAsync($"/api/metadata/entities/{entity}/archives");
        archives["items"]!.AsArray().Single()!["restoredAt"]!.GetValue<string>().ShouldEndWith("Z");
    }

    [Fact]
    public async Task RestoreArchive_ShouldReturn404_WhenTheArchiveIsUnknown()
    {
        var (entity, _) = await SeedNotesAsync();

        using var response = await _api.PostJsonAsync(
            $"/api/metadata/entities/{entity}/archives/{Guid.NewGuid()}/restore", "{}");

        await response.ShouldBeProblemAsync(404, "metadata.archive_not_found");
    }

    [Fact]
    public async Task History_ShouldListEveryVersionWithItsDiff()
    {
        var (entity, _) = await SeedNotesAsync();
        using (var added = await _api.PostJsonAsync(
            $"/api/metadata/entities/{entity}/fields", """{"name": "rank", "schema": {"x-crm-type": "integer"}}"""))
        {
            await added.ShouldBeJsonAsync(HttpStatusCode.Created);
        }

        using (var removed = await _api.Client.DeleteAsync($"/api/metadata/entities/{entity}/fields/rank"))
        {
            await removed.ShouldBeJsonAsync(HttpStatusCode.OK);
        }

        var history = await _api.GetJsonAsync($"/api/metadata/entities/{entity}/history");

        var items = history["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        items.Select(i => i["version"]!.GetValue<long>()).ShouldBe([1L, 2L, 3L]);
        items[0].Select(p => p.Key).ShouldBe(["version", "changedAt", "changedBy", "diff"]);
        items[1]["changedBy"]!.GetValue<string>().ShouldBe("admin");
        DiffOps(items[1]).ShouldContain("add");
        DiffOps(items[2]).ShouldContain("remove");
        items[1]["diff"]!.ToJsonString().ShouldContain("rank");
    }

    private static IEnumerable<string> DiffOps(JsonObject version) =>
        version["diff"]!.AsArray().Select(d => d!["op"]!.GetValue<string>());

    /// <summary>An entity with a text field "note": three long values and one short one.</summary>
    private async Task<(string Entity, List<string> Ids)> SeedNotesAsync()
    {
        var entity = await _api.CreateEntityAsync(
            """{"title": {"x-crm-type": "string"}, "note": {"x-crm-type": "text"}}""", prefix: "m");
        var ids = new List<string>();
        foreach (var note in new[] { "a long note number 0", "a long note number 1", "a long note number 2", "ok" })
        {
            var record = await _api.CreateRecordAsync(entity, new JsonObject { ["title"] = "t", ["note"] = note }.ToJsonString());
            ids.Add(record["id"]!.GetValue<string>());
        }

        return (entity, ids);
    }
}
