using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Tests.Services;

public sealed class MetadataServiceTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static FieldChangeRequest Field(string schema, bool? required = null, bool force = false,
        FieldConversion conversion = FieldConversion.None) =>
        new() { Schema = JsonNode.Parse(schema)!.AsObject(), Required = required, Force = force, Conversion = conversion };

    [Fact]
    public async Task AddField_ShouldBeUsableAtOnce_AndVersioned()
    {
        var before = _host.Metadata.GetEntity("contact").Version;
        var revision = _host.Metadata.Revision;

        var entity = await _host.Metadata.AddFieldAsync(CrmTestHost.User, "contact", "vip_level",
            Field("""{"x-crm-type": "enum", "enum": ["gold", "silver"], "x-crm-indexed": true}"""));
        var contact = await _host.CreateAsync("contact", """{"first_name": "A", "vip_level": "gold"}""");

        entity.Version.ShouldBe(before + 1);
        _host.Metadata.Revision.ShouldBeGreaterThan(revision);
        contact.Values["vip_level"]!.GetValue<string>().ShouldBe("gold");
        var history = await _host.Metadata.GetHistoryAsync("contact");
        history[^1].ChangedBy.ShouldBe("alice");
        history[^1].Diff[0]!["op"]!.GetValue<string>().ShouldBe("add");
        history[^1].Diff[0]!["field"]!.GetValue<string>().ShouldBe("vip_level");
    }

    [Fact]
    public async Task AddField_ShouldRefuseUnsupportedKeyword_NamingIt()
    {
        var e = await Should.ThrowAsync<CrmException>(() => _host.Metadata.AddFieldAsync(CrmTestHost.User, "contact", "x",
            Field("""{"x-crm-type": "string", "allOf": [{"minLength": 1}]}""")));

        e.Code.ShouldBe("metadata.unsupported_keyword");
        e.Title.Get(new System.Globalization.CultureInfo("en")).ShouldContain("allOf");
        _host.Metadata.GetEntity("contact").FindField("x").ShouldBeNull();
    }

    [Fact]
    public async Task UpdateField_ShouldRefuseTightening_WhenRecordsViolate_AndChangeNothing()
    {
        await _host.Metadata.AddFieldAsync(CrmTestHost.User, "contact", "nickname", Field("""{"x-crm-type": "string"}"""));
        var longOne = await _host.CreateAsync("contact", """{"first_name": "A", "nickname": "abcdefghij"}""");
        await _host.CreateAsync("contact", """{"first_name": "B", "nickname": "abc"}""");
        var version = _host.Metadata.GetEntity("contact").Version;

        var e = await Should.ThrowAsync<CrmException>(() => _host.Metadata.UpdateFieldAsync(CrmTestHost.User, "contact", "nickname",
            Field("""{"x-crm-type": "string", "maxLength": 5}""")));

        e.Code.ShouldBe("metadata.records_violate_change");
        e.Kind.ShouldBe(CrmErrorKind.Conflict);
        var report = System.Text.Json.JsonSerializer.SerializeToNode(e.Extensions["violations"])!;
        report["count"]!.GetValue<int>().ShouldBe(1);
        report["recordIds"]![0]!.GetValue<Guid>().ShouldBe(longOne.Id);
        _host.Metadata.GetEntity("contact").Version.ShouldBe(version);
        (await _host.Records.GetAsync(CrmTestHost.User, "contact", longOne.Id))!.Values["nickname"]!.GetValue<string>().ShouldBe("abcdefghij");
    }

    [Fact]
    public async Task UpdateField_WithForce_ShouldArchiveViolatingValues_WhichRestoreBringsBack()
    {
        await _host.Metadata.AddFieldAsync(CrmTestHost.User, "contact", "nickname", Field("""{"x-crm-type": "string"}"""));
        var longOne = await _host.CreateAsync("contact", """{"first_name": "A", "nickname": "abcdefghij"}""");

        await _host.Metadata.UpdateFieldAsync(CrmTestHost.User, "contact", "nickname",
            Field("""{"x-crm-type": "string", "maxLength": 5}""", force: true));
        (await _host.Records.GetAsync(CrmTestHost.User, "contact", longOne.Id))!.Values.ContainsKey("nickname").ShouldBeFalse();
        var archive = (await _host.Metadata.GetArchivesAsync("contact")).ShouldHaveSingleItem();
        archive.Reason.ShouldBe("forced");
        archive.Count.ShouldBe(1);

        await Should.ThrowAsync<CrmException>(() => _host.Metadata.RestoreArchiveAsync(CrmTestHost.User, "contact", archive.Id));
        await _host.Metadata.UpdateFieldAsync(CrmTestHost.User, "contact", "nickname", Field("""{"x-crm-type": "string", "maxLength": 50}"""));
        await _host.Metadata.RestoreArchiveAsync(CrmTestHost.User, "contact", archive.Id);

        (await _host.Records.GetAsync(CrmTestHost.User, "contact", longOne.Id))!.Values["nickname"]!.GetValue<string>().ShouldBe("abcdefghij");
    }

    [Fact]
    public async Task RemoveField_ShouldArchiveValues_AndRestoreShouldReAddFieldWithValues()
    {
        await _host.Metadata.AddFieldAsync(CrmTestHost.User, "contact", "shoe_size", Field("""{"x-crm-type": "integer"}"""));
        var contact = await _host.CreateAsync("contact", """{"first_name": "A", "shoe_size": 42}""");

        var archive = await _host.Metadata.RemoveFieldAsync(CrmTestHost.User, "contact", "shoe_size");
        _host.Metadata.GetEntity("contact").FindField("shoe_size").ShouldBeNull();
        (await _host.Records.GetAsync(CrmTestHost.User, "contact", contact.Id))!.Values.ContainsKey("shoe_size").ShouldBeFalse();
        await _host.Metadata.RestoreArchiveAsync(CrmTestHost.User, "contact", archive.Id);

        archive.Count.ShouldBe(1);
        _host.Metadata.GetEntity("contact").FindField("shoe_size").ShouldNotBeNull();
        (await _host.Records.GetAsync(CrmTestHost.User, "contact", contact.Id))!.Values["shoe_size"]!.GetValue<int>().ShouldBe(42);
        (await _host.Metadata.GetHistoryAsync("contact")).Select(v => v.Diff[0]!["op"]!.GetValue<string>())
            .ShouldContain("restore");
    }

    [Fact]
    public async Task UpdateField_WithCast_ShouldConvertTextToInteger()
    {
        await _host.Metadata.AddFieldAsync(CrmTestHost.User, "contact", "rank", Field("""{"x-crm-type": "string"}"""));
        var contact = await _host.CreateAsync("contact", """{"first_name": "A", "rank": "7"}""");

        await _host.Metadata.UpdateFieldAsync(CrmTestHost.User, "contact", "rank",
            Field("""{"x-crm-type": "integer"}""", conversion: FieldConversion.Cast));

        (await _host.Records.GetAsync(CrmTestHost.User, "contact", contact.Id))!.Values["rank"]!.ToJsonString().ShouldBe("7");
    }

    [Fact]
    public async Task AddRequiredField_ShouldBackfillDefault_OrBeRefusedWithoutOne()
    {
        await _host.CreateAsync("contact", """{"first_name": "A"}""");

        var refused = await Should.ThrowAsync<CrmException>(() => _host.Metadata.AddFieldAsync(CrmTestHost.User, "contact", "tier",
            Field("""{"x-crm-type": "string"}""", required: true)));
        await _host.Metadata.AddFieldAsync(CrmTestHost.User, "contact", "tier",
            Field("""{"x-crm-type": "string", "default": "basic"}""", required: true));

        refused.Code.ShouldBe("metadata.records_violate_change");
        var page = await _host.Records.QueryAsync(CrmTestHost.User, "contact", new Sdk.Records.RecordQuery());
        page.Items.ShouldAllBe(r => r.Values["tier"]!.GetValue<string>() == "basic");
    }

    [Fact]
    public async Task ModuleOwnedField_ShouldNotBeRemovable()
    {
        var e = await Should.ThrowAsync<CrmException>(() => _host.Metadata.RemoveFieldAsync(CrmTestHost.User, "contact", "first_name"));

        e.Code.ShouldBe("metadata.field_owned");
    }

    [Fact]
    public async Task Metadata_ShouldSurviveRestart()
    {
        await _host.Metadata.AddFieldAsync(CrmTestHost.User, "deal", "region", Field("""{"x-crm-type": "string", "x-crm-indexed": true}"""));

        _host = await _host.RestartAsync();

        _host.Metadata.GetEntity("deal").FindField("region")!.Indexed.ShouldBeTrue();
        _host.Metadata.GetEntities().Select(e => e.Name).ShouldBe(["activity", "company", "contact", "deal", "document", "lead", "note"]);
    }
}
