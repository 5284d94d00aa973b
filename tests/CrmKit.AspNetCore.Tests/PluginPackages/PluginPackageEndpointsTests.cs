using System.Net;
using System.Text.Json.Nodes;
using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.PluginPackages;

/// <summary><c>/api/plugin-packages</c> on the real server over a folder feed.</summary>
public sealed class PluginPackageEndpointsTests : IClassFixture<PluginPackageServerFactory>
{
    private readonly PluginPackageServerFactory _factory;
    private readonly CrmApi _api;

    public PluginPackageEndpointsTests(PluginPackageServerFactory factory)
    {
        _factory = factory;
        _api = new CrmApi(factory.CreateClient());
    }

    [Fact]
    public async Task PlanApplyListRemove_ShouldInstallAndRemoveThePluginWithoutRestart()
    {
        using var planned = await _api.PostJsonAsync("/api/plugin-packages/plan", """{"install": ["fixture.base@[1.0.0, 2.0.0)"]}""");
        var plan = await planned.ShouldBeJsonAsync(HttpStatusCode.OK);
        plan["canApply"]!.GetValue<bool>().ShouldBeTrue();
        var step = plan["steps"]!.AsArray().Single()!;
        step["action"]!.GetValue<string>().ShouldBe("install");
        step["toVersion"]!.GetValue<string>().ShouldBe("1.0.0");
        step["source"]!.GetValue<string>().ShouldBe("local");
        File.Exists(_factory.LockFile).ShouldBeFalse();

        using var applied = await _api.PostJsonAsync("/api/plugin-packages/apply", """{"install": [{"id": "fixture.base"}]}""");
        (await applied.ShouldBeJsonAsync(HttpStatusCode.OK))["steps"]!.AsArray().Count.ShouldBe(1);
        var state = await _api.GetJsonAsync("/api/plugins/fixture.base");
        state["state"]!.GetValue<string>().ShouldBe("loaded");
        var installed = (await _api.GetJsonAsync("/api/plugin-packages"))["items"]!.AsArray().Single()!;
        installed["id"]!.GetValue<string>().ShouldBe("fixture.base");
        installed["version"]!.GetValue<string>().ShouldBe("1.0.0");
        installed["sha512"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var search = await _api.GetJsonAsync("/api/plugin-packages/search?q=fixture");
        search["items"]!.AsArray().Single()!["installedVersion"]!.GetValue<string>().ShouldBe("1.0.0");
        using var dryRun = await _api.PostJsonAsync("/api/plugin-packages/restore?dryRun=true", "{}");
        (await dryRun.ShouldBeJsonAsync(HttpStatusCode.OK))["hasChanges"]!.GetValue<bool>().ShouldBeFalse();

        using var removed = await _api.PostJsonAsync("/api/plugin-packages/apply", """{"remove": ["fixture.base"]}""");
        await removed.ShouldBeJsonAsync(HttpStatusCode.OK);
        using var gone = await _api.GetAsync("/api/plugins/fixture.base");
        await gone.ShouldBeProblemAsync(404, "plugin.not_found");
        (await _api.GetJsonAsync("/api/plugin-packages"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Apply_OfAPackageThatIsNotAPlugin_ShouldBeRefusedWith409AndEveryProblem()
    {
        using var response = await _api.PostJsonAsync("/api/plugin-packages/apply", """{"install": ["fixture.library"]}""");

        var problem = await response.ShouldBeProblemAsync(409, "plugin_package.not_a_plugin");
        problem["title"]!.GetValue<string>().ShouldContain("CrmKitPlugin");
        problem["problems"]!.AsArray().Single()!["packageId"]!.GetValue<string>().ShouldBe("fixture.library");
        problem["plan"]!["canApply"]!.GetValue<bool>().ShouldBeFalse();
        problem["errors"]!.AsArray().Single()!["pointer"]!.GetValue<string>().ShouldBe("/install/0");
    }

    [Fact]
    public async Task Plan_ShouldReportProblemsInThePlan_WithoutChangingAnything()
    {
        using var response = await _api.PostJsonAsync("/api/plugin-packages/plan", """{"install": ["no.such.plugin"]}""");

        var plan = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        plan["canApply"]!.GetValue<bool>().ShouldBeFalse();
        plan["problems"]!.AsArray().Single()!["code"]!.GetValue<string>().ShouldBe("plugin_package.not_found");
    }

    [Fact]
    public async Task MalformedRequests_ShouldBe400_WithTheFieldPath()
    {
        using var unknown = await _api.PostJsonAsync("/api/plugin-packages/plan", """{"install": [42], "upgrade": []}""");
        var problem = await unknown.ShouldBeProblemAsync(400, "request.invalid_body");
        problem["errors"]!.AsArray().Select(e => e!["pointer"]!.GetValue<string>()).ShouldBe(["/install/0", "/upgrade"], ignoreOrder: true);

        using var badId = await _api.PostJsonAsync("/api/plugin-packages/plan", """{"install": ["fixture.base", "Bad Id"]}""");
        var invalid = await badId.ShouldBeProblemAsync(400, "plugin_package.invalid_request");
        invalid["errors"]!.AsArray().Single()!["pointer"]!.GetValue<string>().ShouldBe("/install/1");
    }

    [Fact]
    public async Task OpenApi_ShouldDescribeThePluginPackagePaths()
    {
        var document = await _api.GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject();
        paths.ContainsKey("/api/plugin-packages/apply").ShouldBeTrue();
        paths.ContainsKey("/api/plugin-packages/restore").ShouldBeTrue();
        document["components"]!["schemas"]!["PluginPackagePlan"].ShouldNotBeNull();
    }
}
