using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Core.Tests.Services;
using CrmKit.Sdk.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Metadata;

/// <summary>
/// Two CrmKit hosts ("nodes") over one database file: a metadata change committed by one is never bypassed by a write
/// the other validated against the older schema, and the other node loads the change by itself.
/// </summary>
public sealed class SharedDatabaseMetadataTests
{
    private static FieldChangeRequest Field(string schema) => new() { Schema = JsonNode.Parse(schema)!.AsObject() };

    private static Task<CrmTestHost> NodeAsync(string directory, TimeSpan refresh) =>
        CrmTestHost.StartAsync(b => b.Services.Configure<CrmKitOptions>(o => o.MetadataRefreshInterval = refresh), directory);

    [Fact]
    public async Task WriteOnAStaleNode_ShouldBeRefusedAndStoreNothing_ThenBeValidatedAgainstTheNewSchema()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-nodes-").FullName;
        await using var a = await NodeAsync(directory, TimeSpan.Zero);
        await using var b = await NodeAsync(directory, TimeSpan.Zero);
        var before = b.Metadata.GetEntity("note").Version;

        await a.Metadata.AddFieldAsync(CrmTestHost.User, "note", "code", Field("""{"x-crm-type": "string", "maxLength": 3}"""));
        var stale = await Should.ThrowAsync<CrmException>(() => b.CreateAsync("note", """{"body": "validated against the old schema"}"""));

        stale.Code.ShouldBe("metadata.stale");
        stale.Kind.ShouldBe(CrmErrorKind.Conflict);
        (await a.CountAsync("note")).ShouldBe(0, "nothing validated against the old schema was stored");
        b.Metadata.GetEntity("note").Version.ShouldBe(before + 1, "the refusal loaded the new version");
        var tooLong = await Should.ThrowAsync<CrmException>(() => b.CreateAsync("note", """{"body": "x", "code": "TOOLONG"}"""));
        tooLong.Errors.ShouldContain(e => e.Pointer == "/code");
        (await b.CreateAsync("note", """{"body": "y", "code": "ABC"}""")).Values["code"]!.GetValue<string>().ShouldBe("ABC");
    }

    [Fact]
    public async Task UpdateOnAStaleNode_ShouldBeRefusedToo()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-nodes-").FullName;
        await using var a = await NodeAsync(directory, TimeSpan.Zero);
        await using var b = await NodeAsync(directory, TimeSpan.Zero);
        var note = await b.CreateAsync("note", """{"body": "before"}""");

        await a.Metadata.AddFieldAsync(CrmTestHost.User, "note", "code", Field("""{"x-crm-type": "string", "maxLength": 3}"""));
        var stale = await Should.ThrowAsync<CrmException>(
            () => b.Records.UpdateAsync(CrmTestHost.User, "note", note.Id, new JsonObject { ["body"] = "after" }, note.Version));

        stale.Code.ShouldBe("metadata.stale");
        (await a.Records.GetAsync(CrmTestHost.User, "note", note.Id))!.Values["body"]!.GetValue<string>().ShouldBe("before");
    }

    [Fact]
    public async Task Polling_ShouldLoadAChangeMadeOnAnotherNode()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-nodes-").FullName;
        await using var a = await NodeAsync(directory, TimeSpan.Zero);
        await using var b = await NodeAsync(directory, TimeSpan.FromMilliseconds(50));

        await a.Metadata.AddFieldAsync(CrmTestHost.User, "note", "code", Field("""{"x-crm-type": "string"}"""));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (b.Metadata.GetEntity("note").FindField("code") is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        b.Metadata.GetEntity("note").FindField("code").ShouldNotBeNull("the polling node loads the other node's change");
        (await b.CreateAsync("note", """{"body": "y", "code": "fresh"}""")).Values["code"]!.GetValue<string>().ShouldBe("fresh");
    }

    [Fact]
    public async Task Refresh_ShouldDoNothing_WhenNothingChanged()
    {
        var directory = Directory.CreateTempSubdirectory("crmkit-nodes-").FullName;
        await using var a = await NodeAsync(directory, TimeSpan.Zero);
        var revision = a.Metadata.Revision;

        var loaded = await a.Services.GetRequiredService<MetadataFreshness>().RefreshAsync(CancellationToken.None);

        loaded.ShouldBe(0);
        a.Metadata.Revision.ShouldBe(revision);
    }
}
