using System.Text.Json.Nodes;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Records;

namespace CrmKit.Core.Tests.Services;

public sealed class RecordServiceTests : IAsyncLifetime
{
    private CrmTestHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Create_ShouldNormalizePhoneAndStampSystemFields()
    {
        var contact = await _host.CreateAsync("contact", """{"first_name": "Иван", "phone": "8 (916) 123-45-67"}""");

        contact.Version.ShouldBe(1);
        contact.CreatedBy.ShouldBe("alice");
        contact.Values["phone"]!.GetValue<string>().ShouldBe("+79161234567");
        contact.Id.Version.ShouldBe(7);
    }

    [Fact]
    public async Task Create_ShouldReportEveryFailingField_AndWriteNothing()
    {
        var e = await Should.ThrowAsync<CrmException>(() => _host.CreateAsync(
            "contact", """{"email": "not-an-email", "nickname": 1, "id": "x"}"""));

        e.Kind.ShouldBe(CrmErrorKind.Validation);
        e.Errors.Select(x => (x.Pointer, x.Code)).ShouldBe(
            [("/email", "format.email"), ("/nickname", "field.unknown"), ("/id", "field.read_only"), ("/first_name", "field.required")],
            ignoreOrder: true);
        (await _host.CountAsync("contact")).ShouldBe(0);
    }

    [Fact]
    public async Task Create_ShouldWriteNothing_WhenOneRecordOfBatchIsInvalid()
    {
        var batch = new[] { """{"first_name": "A"}""", """{"first_name": ""}""", """{"first_name": "C", "email": "bad"}""" }
            .Select(j => JsonNode.Parse(j)!.AsObject()).ToList();

        var e = await Should.ThrowAsync<CrmException>(() => _host.Records.CreateAsync(CrmTestHost.User, "contact", batch));

        e.Errors.ShouldContain(x => x.Pointer == "/2/email");
        (await _host.CountAsync("contact")).ShouldBe(0);
    }

    [Fact]
    public async Task Money_ShouldRoundTripExactly_AndSumExactly()
    {
        var company = await _host.CreateAsync("company", """{"name": "ООО Ромашка", "annual_revenue": {"amount": 12345678901234.56, "currency": "RUB"}}""");
        var a = await _host.CreateAsync("company", """{"name": "A", "annual_revenue": {"amount": 0.1, "currency": "RUB"}}""");
        var b = await _host.CreateAsync("company", """{"name": "B", "annual_revenue": {"amount": 0.2, "currency": "RUB"}}""");

        var stored = await _host.Records.GetAsync(CrmTestHost.User, "company", company.Id);
        stored!.Values["annual_revenue"]!["amount"]!.ToJsonString().ShouldBe("12345678901234.56");
        var sum = 0m;
        foreach (var id in new[] { a.Id, b.Id })
        {
            var record = await _host.Records.GetAsync(CrmTestHost.User, "company", id);
            sum += record!.Values["annual_revenue"]!["amount"]!.GetValue<decimal>();
        }

        sum.ShouldBe(0.3m);
        (await _host.Records.GetAsync(CrmTestHost.User, "company", a.Id))!.Values["annual_revenue"]!["amount"]!.ToJsonString().ShouldBe("0.1");
    }

    [Fact]
    public async Task Update_ShouldConflict_WhenVersionIsStale_AndChangeNothing()
    {
        var contact = await _host.CreateAsync("contact", """{"first_name": "Anna"}""");
        await _host.Records.UpdateAsync(CrmTestHost.User, "contact", contact.Id, new JsonObject { ["last_name"] = "Petrova" }, 1);

        var e = await Should.ThrowAsync<CrmException>(() => _host.Records.UpdateAsync(
            CrmTestHost.User, "contact", contact.Id, new JsonObject { ["last_name"] = "Sidorova" }, 1));

        e.Code.ShouldBe("record.version_conflict");
        var current = await _host.Records.GetAsync(CrmTestHost.User, "contact", contact.Id);
        current!.Version.ShouldBe(2);
        current.Values["last_name"]!.GetValue<string>().ShouldBe("Petrova");
    }

    [Fact]
    public async Task Update_ShouldClearField_WhenValueIsNull_AndKeepVersion_WhenNothingChanged()
    {
        var contact = await _host.CreateAsync("contact", """{"first_name": "Anna", "last_name": "X"}""");

        var same = await _host.Records.UpdateAsync(CrmTestHost.User, "contact", contact.Id, new JsonObject { ["first_name"] = "Anna" }, null);
        var cleared = await _host.Records.UpdateAsync(CrmTestHost.User, "contact", contact.Id, new JsonObject { ["last_name"] = null }, null);

        same.Version.ShouldBe(1);
        cleared.Version.ShouldBe(2);
        cleared.Values.ContainsKey("last_name").ShouldBeFalse();
    }

    [Fact]
    public async Task Lookup_ShouldRefuseMissingTarget_AndClearSetNullReferencesOnDelete()
    {
        var missing = Guid.CreateVersion7();
        var e = await Should.ThrowAsync<CrmException>(() => _host.CreateAsync("contact", $$"""{"first_name": "A", "company": "{{missing}}"}"""));
        e.Errors.ShouldContain(x => x.Code == "lookup.not_found" && x.Pointer == "/company");

        var company = await _host.CreateAsync("company", """{"name": "Acme"}""");
        var contact = await _host.CreateAsync("contact", $$"""{"first_name": "A", "company": "{{company.Id}}"}""");
        await _host.Records.DeleteAsync(CrmTestHost.User, "company", company.Id, null);

        var after = await _host.Records.GetAsync(CrmTestHost.User, "contact", contact.Id);
        after!.Values.ContainsKey("company").ShouldBeFalse();
        after.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Delete_ShouldBeRefused_WhileRestrictReferencesExist()
    {
        await _host.Metadata.CreateEntityAsync(CrmTestHost.User, JsonNode.Parse("""
            {"x-crm-entity": "invoice", "properties": {
              "company": {"x-crm-type": "lookup", "x-crm-lookup": {"entity": "company", "onDelete": "restrict"}}}}
            """)!.AsObject());
        var company = await _host.CreateAsync("company", """{"name": "Acme"}""");
        var invoice = await _host.CreateAsync("invoice", $$"""{"company": "{{company.Id}}"}""");

        var e = await Should.ThrowAsync<CrmException>(() => _host.Records.DeleteAsync(CrmTestHost.User, "company", company.Id, null));

        e.Code.ShouldBe("record.referenced");
        (await _host.Records.GetAsync(CrmTestHost.User, "company", company.Id)).ShouldNotBeNull();
        await _host.Records.DeleteAsync(CrmTestHost.User, "invoice", invoice.Id, null);
        await _host.Records.DeleteAsync(CrmTestHost.User, "company", company.Id, null);
    }

    [Fact]
    public async Task DeleteAndRestore_ShouldMoveRecordThroughRecycleBin()
    {
        var note = await _host.CreateAsync("note", """{"body": "hello"}""");

        var deleted = await _host.Records.DeleteAsync(CrmTestHost.User, "note", note.Id, 1);
        (await _host.Records.GetAsync(CrmTestHost.User, "note", note.Id)).ShouldBeNull();
        (await _host.Records.GetAsync(CrmTestHost.User, "note", note.Id, includeDeleted: true))!.DeletedAt.ShouldNotBeNull();
        (await _host.CountAsync("note", deleted: true)).ShouldBe(1);
        var restored = await _host.Records.RestoreAsync(CrmTestHost.User, "note", note.Id);

        deleted.Version.ShouldBe(2);
        restored.Version.ShouldBe(3);
        restored.DeletedAt.ShouldBeNull();
        (await _host.CountAsync("note")).ShouldBe(1);
    }

    [Fact]
    public async Task Query_ShouldFilterTyped_AndWalkAllPagesWithCursor()
    {
        var batch = Enumerable.Range(1, 23)
            .Select(i => JsonNode.Parse($$"""{"name": "C{{i:00}}", "employees": {{i}}}""")!.AsObject()).ToList();
        await _host.Records.CreateAsync(CrmTestHost.User, "company", batch);

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await _host.Records.QueryAsync(CrmTestHost.User, "company", new RecordQuery
            {
                Filter = "employees ge 5 and employees lt 20", Sort = "employees desc", Limit = 4, After = after, IncludeTotal = true,
            });
            page.Total.ShouldBe(15);
            seen.AddRange(page.Items.Select(r => r.Values["name"]!.GetValue<string>()));
            after = page.NextCursor;
        }
        while (after is not null);

        seen.ShouldBe(Enumerable.Range(5, 15).Reverse().Select(i => $"C{i:00}"));
    }

    [Fact]
    public async Task Query_ShouldRefuseUnknownFieldAndWrongLiteral()
    {
        (await Should.ThrowAsync<CrmException>(() => _host.Records.QueryAsync(
            CrmTestHost.User, "company", new RecordQuery { Filter = "nope eq 1" }))).Code.ShouldBe("query.unknown_field");
        (await Should.ThrowAsync<CrmException>(() => _host.Records.QueryAsync(
            CrmTestHost.User, "company", new RecordQuery { Filter = "employees eq 'many'" }))).Code.ShouldBe("query.invalid_literal");
    }
}

public sealed class RecordServiceBatchTests
{
    [Fact]
    public async Task LargeBatch_ShouldValidateAndNormalizeEveryRecord_InOrder()
    {
        await using var host = await CrmTestHost.StartAsync();
        var batch = Enumerable.Range(0, 600)
            .Select(i => JsonNode.Parse($$"""{"first_name": "N{{i}}", "phone": "8 (916) {{i / 10000 + 100}}-{{i / 100 % 100:00}}-{{i % 100:00}}", "email": "u{{i}}@EXAMPLE.com"}""")!.AsObject())
            .ToList();

        var created = await host.Records.CreateAsync(CrmTestHost.User, "contact", batch);

        created.Count.ShouldBe(600);
        for (var i = 0; i < created.Count; i++)
        {
            created[i].Values["first_name"]!.GetValue<string>().ShouldBe($"N{i}");
            created[i].Values["phone"]!.GetValue<string>().ShouldBe($"+7916{i / 10000 + 100}{i / 100 % 100:00}{i % 100:00}");
            created[i].Values["email"]!.GetValue<string>().ShouldBe($"u{i}@example.com");
        }

        created.Select(r => r.Id).ShouldBeInOrder();
    }

    [Fact]
    public async Task LargeBatch_ShouldReportErrorsOfEveryBadRecord_InRecordOrder()
    {
        await using var host = await CrmTestHost.StartAsync();
        var batch = Enumerable.Range(0, 300)
            .Select(i => JsonNode.Parse(i % 100 == 7 ? """{"email": "bad"}""" : $$"""{"first_name": "N{{i}}"}""")!.AsObject())
            .ToList();

        var e = await Should.ThrowAsync<Sdk.Errors.CrmException>(() => host.Records.CreateAsync(CrmTestHost.User, "contact", batch));

        e.Errors.Select(x => x.Pointer).Order().ShouldBe(["/107/email", "/107/first_name", "/207/email", "/207/first_name", "/7/email", "/7/first_name"]);
        e.Errors.Select(x => int.Parse(x.Pointer.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture)).ShouldBeInOrder();
        (await host.CountAsync("contact")).ShouldBe(0);
    }
}

public sealed class RecordIdsTests
{
    [Fact]
    public void Next_ShouldBeStrictlyIncreasingVersion7_WithinOneMillisecond()
    {
        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, 10_000).Select(_ => Records.RecordIds.Next(now)).ToList();

        ids.ShouldAllBe(id => id.Version == 7 && id.Variant >= 8 && id.Variant <= 0xB);
        ids.Select(id => id.ToString("D")).ShouldBeInOrder(SortDirection.Ascending, StringComparer.Ordinal);
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public void Next_ShouldCarryTheTimestamp()
    {
        var now = DateTimeOffset.UtcNow;
        var id = Records.RecordIds.Next(now);

        var milliseconds = Convert.ToInt64(id.ToString("N")[..12], 16);
        DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).ShouldBe(now, TimeSpan.FromSeconds(5));
    }
}
