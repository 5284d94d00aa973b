using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>The audit trail over HTTP: who, when, through what, each field's old and new value; append-only.</summary>
public sealed class AuditTrailTests(CrmKitServerFactory factory) : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api = new(factory.CreateClient());

    [Fact]
    public async Task EveryChange_ShouldBeRecorded_WithWhoWhenChannelAndValues()
    {
        var id = (await _api.CreateRecordAsync("contact", """{"first_name": "Анна", "phone": "8 (916) 123-45-67"}"""))["id"]!.GetValue<string>();
        using (var update = await SendAsCliAsync(HttpMethod.Patch, $"/api/records/contact/{id}", """{"position": "CTO", "first_name": "Аня"}"""))
        {
            update.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var delete = await _api.SendJsonAsync(HttpMethod.Delete, $"/api/records/contact/{id}", ""))
        {
            delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var restore = await _api.PostJsonAsync($"/api/records/contact/{id}/restore", ""))
        {
            restore.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var items = (await _api.GetJsonAsync($"/api/records/contact/{id}/history"))["items"]!.AsArray();

        items.Select(i => i!["operation"]!.GetValue<string>()).ShouldBe(["restore", "delete", "update", "create"]);
        items.Select(i => i!["version"]!.GetValue<long>()).ShouldBe([4, 3, 2, 1]);
        items.Select(i => i!["channel"]!.GetValue<string>()).ShouldBe(["rest", "rest", "cli", "rest"]);
        items.ShouldAllBe(i => i!["user"]!["id"]!.GetValue<string>() == "admin");
        var update2 = items[2]!["changes"]!.AsArray();
        update2.Select(c => c!["field"]!.GetValue<string>()).ShouldBe(["first_name", "position"]);
        update2[0]!["old"]!.GetValue<string>().ShouldBe("Анна");
        update2[0]!["new"]!.GetValue<string>().ShouldBe("Аня");
        update2[1]!["old"].ShouldBeNull();
        var created = items[3]!["changes"]!.AsArray();
        created.Single(c => c!["field"]!.GetValue<string>() == "phone")!["new"]!.GetValue<string>().ShouldBe("+79161234567");
        DateTimeOffset.Parse(items[3]!["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Owner_ShouldBeRecordedWhenItChanges()
    {
        var id = (await _api.CreateRecordAsync("note", """{"body": "x"}"""))["id"]!.GetValue<string>();
        using (var assign = await _api.PatchJsonAsync($"/api/records/note/{id}", """{"owner_id": "someone"}"""))
        {
            assign.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var change = (await _api.GetJsonAsync($"/api/records/note/{id}/history"))["items"]![0]!["changes"]![0]!;

        change["field"]!.GetValue<string>().ShouldBe("owner_id");
        change["old"]!.GetValue<string>().ShouldBe("admin");
        change["new"]!.GetValue<string>().ShouldBe("someone");
    }

    [Fact]
    public async Task History_ShouldPageOlderEntries()
    {
        var id = (await _api.CreateRecordAsync("note", """{"body": "0"}"""))["id"]!.GetValue<string>();
        for (var i = 1; i <= 4; i++)
        {
            using var update = await _api.PatchJsonAsync($"/api/records/note/{id}", $$"""{"body": "{{i}}"}""");
            update.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var first = await _api.GetJsonAsync($"/api/records/note/{id}/history?limit=2");
        var second = await _api.GetJsonAsync($"/api/records/note/{id}/history?limit=2&before={first["before"]}");
        var third = await _api.GetJsonAsync($"/api/records/note/{id}/history?limit=2&before={second["before"]}");

        var versions = new[] { first, second, third }.SelectMany(p => p["items"]!.AsArray()).Select(i => i!["version"]!.GetValue<long>());
        versions.ShouldBe([5, 4, 3, 2, 1]);
        third["before"].ShouldBeNull();
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task History_ShouldBeAppendOnly_ThroughTheApi(string method)
    {
        var id = (await _api.CreateRecordAsync("note", """{"body": "x"}"""))["id"]!.GetValue<string>();

        using var response = await _api.SendJsonAsync(new HttpMethod(method), $"/api/records/note/{id}/history", "{}");

        await response.ShouldBeProblemAsync(405, "route.method_not_allowed");
        (await _api.GetJsonAsync($"/api/records/note/{id}/history"))["items"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task FailedChange_ShouldLeaveNoEntry()
    {
        var id = (await _api.CreateRecordAsync("contact", """{"first_name": "Олег"}"""))["id"]!.GetValue<string>();

        using var invalid = await _api.PatchJsonAsync($"/api/records/contact/{id}", """{"email": "not-an-email"}""");

        invalid.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await _api.GetJsonAsync($"/api/records/contact/{id}/history"))["items"]!.AsArray().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("before=0")]
    [InlineData("before=abc")]
    [InlineData("limit=500")]
    public async Task History_ShouldRefuseBadPaging(string query)
    {
        var id = (await _api.CreateRecordAsync("note", """{"body": "x"}"""))["id"]!.GetValue<string>();

        using var response = await _api.GetAsync($"/api/records/note/{id}/history?{query}");

        ((int)response.StatusCode).ShouldBe(400);
    }

    private async Task<HttpResponseMessage> SendAsCliAsync(HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("User-Agent", "crmkit-cli/0.1.0");
        return await _api.Client.SendAsync(request);
    }
}
