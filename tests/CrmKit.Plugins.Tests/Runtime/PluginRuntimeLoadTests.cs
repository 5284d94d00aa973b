using System.Text.Json.Nodes;
using CrmKit.Core.Plugins;
using CrmKit.Plugins.Tests.Loading;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Workflows;

namespace CrmKit.Plugins.Tests.Runtime;

public sealed class PluginRuntimeLoadTests
{
    [Fact]
    public async Task Start_ShouldLoadTwoPluginsCarryingDifferentMajorsOfOneLibrary_AndEachRunsWithItsOwn()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.JsonOld, FixturePlugins.JsonNew);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);

            host.Status("fixture.json-old").State.ShouldBe(PluginState.Loaded);
            host.Status("fixture.json-new").State.ShouldBe(PluginState.Loaded);
            (await RunAsync(host, "fixture.json-old.serialize"))["newtonsoftVersion"]!.GetValue<string>().ShouldStartWith("12.");
            (await RunAsync(host, "fixture.json-new.serialize"))["newtonsoftVersion"]!.GetValue<string>().ShouldStartWith("13.");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldLoadDependencyFirst_AndReportWhatEachRegistered()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.Dependent, FixturePlugins.Base);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);

            host.Status("fixture.base").State.ShouldBe(PluginState.Loaded);
            host.Status("fixture.base").Registered.ShouldContain("entity:fixture_item");
            var dependent = host.Status("fixture.dependent");
            dependent.State.ShouldBe(PluginState.Loaded);
            dependent.Registered.ShouldContain("field:fixture_item.dependent_note");
            dependent.Dependencies.ShouldBe(["fixture.base [1.0.0, 2.0.0)"]);
            var field = host.Metadata.GetEntity("fixture_item").FindField("dependent_note").ShouldNotBeNull();
            field.Owner.ShouldBe("fixture.dependent");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldBlockOnlyThePluginWhoseDependencyIsMissing()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.Dependent, FixturePlugins.JsonNew);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);

            var dependent = host.Status("fixture.dependent");
            dependent.State.ShouldBe(PluginState.Blocked);
            dependent.ReasonCode.ShouldBe("plugin.dependency_missing");
            dependent.Reason.ShouldNotBeNull().ShouldContain("fixture.base");
            host.Status("fixture.json-new").State.ShouldBe(PluginState.Loaded);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldLoadAPluginAddedInCode()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            await using var host = await PluginTestHost.StartAsync(root, o => o.AddInCode(new InCodeModule(), InCodeModule.Manifest));

            var status = host.Status(InCodeModule.PluginId);
            status.State.ShouldBe(PluginState.Loaded);
            status.Source.ShouldBe("code");
            status.Registered.ShouldContain("field-type:test.in_code_code");
            status.Registered.ShouldContain("field:contact.in_code_code");
            var created = await host.CreateAsync("contact", """{"first_name": "Ann", "last_name": "Lee", "in_code_code": " ab-12 "}""");
            created.Values["in_code_code"]!.GetValue<string>().ShouldBe("AB-12");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    private static async Task<JsonObject> RunAsync(PluginTestHost host, string type)
    {
        host.Extensions.TryGet<IWorkflowAction>(type, out var action).ShouldBeTrue();
        var result = await action.ExecuteAsync(new WorkflowActionContext
        {
            WorkflowId = "test",
            WorkflowVersion = 1,
            RunId = Guid.NewGuid(),
            StepId = "step",
            Principal = PluginTestHost.User,
            Parameters = new JsonObject { ["n"] = 1 },
            IdempotencyKey = Guid.NewGuid().ToString(),
            Attempt = 1,
            Services = host.Services,
        }, CancellationToken.None);
        return result.Output.ShouldNotBeNull();
    }
}
