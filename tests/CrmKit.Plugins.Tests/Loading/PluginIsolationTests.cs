using System.Text.Json.Nodes;
using CrmKit.Plugins.Loading;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Security;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.Tests.Loading;

public sealed class PluginIsolationTests
{
    [Fact]
    public async Task Load_ShouldRunEachPluginWithItsOwnNewtonsoftMajor_InOneProcess()
    {
        using var old = Load(FixturePlugins.JsonOld);
        using var @new = Load(FixturePlugins.JsonNew);

        var oldOutput = await RunActionAsync(old);
        var newOutput = await RunActionAsync(@new);

        oldOutput["newtonsoftVersion"]!.GetValue<string>().ShouldBe("12.0.0.0");
        oldOutput["newtonsoftInformationalVersion"]!.GetValue<string>().ShouldStartWith("12.0.3");
        newOutput["newtonsoftVersion"]!.GetValue<string>().ShouldBe("13.0.0.0");
        newOutput["newtonsoftInformationalVersion"]!.GetValue<string>().ShouldStartWith("13.0.4");
        oldOutput["json"]!.GetValue<string>().ShouldContain("\"plugin\":\"fixture.json-old\"");
        newOutput["json"]!.GetValue<string>().ShouldContain("\"plugin\":\"fixture.json-new\"");
    }

    private static LoadedPluginAssembly Load(string fixture)
    {
        var folder = FixturePlugins.Folder(fixture);
        return PluginAssemblyLoader.Load(folder, PluginManifestReader.ReadFromFolder(folder));
    }

    private static async Task<JsonObject> RunActionAsync(LoadedPluginAssembly loaded)
    {
        var module = loaded.CreateModule();
        var builder = new TestCrmBuilder(module.Id);
        module.Configure(builder);
        await using var services = builder.Services.BuildServiceProvider();
        var action = services.GetServices<IWorkflowAction>().ShouldHaveSingleItem();
        var result = await action.ExecuteAsync(
            new WorkflowActionContext
            {
                WorkflowId = "isolation",
                WorkflowVersion = 1,
                RunId = Guid.NewGuid(),
                StepId = "serialize",
                Principal = CrmPrincipal.System,
                Parameters = new JsonObject { ["n"] = 1 },
                IdempotencyKey = "isolation-1",
                Attempt = 1,
                Services = services,
            },
            CancellationToken.None);
        result.Succeeded.ShouldBeTrue();
        return result.Output!;
    }
}
