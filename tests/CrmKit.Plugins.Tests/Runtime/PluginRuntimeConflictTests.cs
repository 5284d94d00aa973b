using System.Text.Json.Nodes;
using CrmKit.Core.Plugins;
using CrmKit.Plugins.Manifest;
using CrmKit.Plugins.Tests.Loading;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Runtime;

public sealed class PluginRuntimeConflictTests
{
    [Fact]
    public async Task Start_ShouldRefuseOneOfTwoPluginsDeclaringTheSameName_NeverLastOneWins()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.ConflictA, FixturePlugins.ConflictB);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);

            var states = new[] { host.Status("fixture.conflict-a"), host.Status("fixture.conflict-b") };
            states.Count(s => s.State == PluginState.Loaded).ShouldBeLessThanOrEqualTo(1);
            var refused = states.Where(s => s.State != PluginState.Loaded).ToList();
            refused.ShouldNotBeEmpty();
            refused.ShouldAllBe(s => s.ReasonCode == "plugin.provides_conflict");
            refused.ShouldAllBe(s => s.Reason!.Contains("field-type:fixture.code"));
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldFailAPluginRegisteringANameItDidNotDeclare_WhenAnotherOwnsIt()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.ConflictA);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root, o => o.AddInCode(new SneakyModule(), SneakyModule.Manifest));

            host.Status("fixture.conflict-a").State.ShouldBe(PluginState.Loaded);
            var sneaky = host.Status(SneakyModule.PluginId);
            sneaky.State.ShouldBe(PluginState.Failed);
            sneaky.ReasonCode.ShouldBe("plugin.conflict");
            sneaky.Reason.ShouldNotBeNull().ShouldContain("fixture.conflict-a");
            host.FieldTypes.TryGet("fixture.code", out var type).ShouldBeTrue();
            type.Descriptor.DisplayName.Get().ShouldBe("Code (A)");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Replacer_ShouldTakeOverTheName_AndGiveItBackWhenDisabled()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.ConflictA, FixturePlugins.Replacer);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);

            host.Status("fixture.replacer").State.ShouldBe(PluginState.Loaded);
            DisplayNameOf(host, "fixture.code").ShouldBe("Code (replaced)");

            await host.Plugins.DisableAsync("fixture.replacer", CancellationToken.None);

            DisplayNameOf(host, "fixture.code").ShouldBe("Code (A)");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Reload_ShouldReloadTheReplacedPluginUnderItsReplacer_AndKeepTheReplacementActive()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.ConflictA, FixturePlugins.Replacer);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);

            var reloaded = await host.Plugins.ReloadAsync("fixture.conflict-a", CancellationToken.None);

            reloaded.State.ShouldBe(PluginState.Loaded);
            host.Status("fixture.replacer").State.ShouldBe(PluginState.Loaded);
            DisplayNameOf(host, "fixture.code").ShouldBe("Code (replaced)");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Scan_ShouldBlockTheDependent_WhenItsDependencyFolderIsRemoved()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.Base, FixturePlugins.Dependent);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);
            host.Status("fixture.dependent").State.ShouldBe(PluginState.Loaded);

            Directory.Delete(Path.Combine(root, "plugins", FixturePlugins.Base), recursive: true);
            await host.Plugins.ScanAsync(CancellationToken.None);

            host.Plugins.Find("fixture.base").ShouldBeNull();
            var dependent = host.Status("fixture.dependent");
            dependent.State.ShouldBe(PluginState.Blocked);
            dependent.ReasonCode.ShouldBe("plugin.dependency_missing");
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Disable_ShouldBeRefused_WhileALoadedPluginDependsOnIt()
    {
        var root = PluginTestHost.PrepareFolder(FixturePlugins.Base, FixturePlugins.Dependent);
        try
        {
            await using var host = await PluginTestHost.StartAsync(root);

            var refusal = await Should.ThrowAsync<CrmKit.Sdk.Errors.CrmException>(() => host.Plugins.DisableAsync("fixture.base", CancellationToken.None));

            refusal.Code.ShouldBe("plugin.has_dependents");
            refusal.Message.ShouldContain("fixture.dependent");
            host.Status("fixture.base").State.ShouldBe(PluginState.Loaded);
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    [Fact]
    public async Task Start_ShouldFailAPluginWhoseFieldAUserAlreadyAdded_AndLeaveTheUserFieldAlone()
    {
        var root = PluginTestHost.PrepareFolder();
        try
        {
            await using (var first = await PluginTestHost.StartAsync(root))
            {
                await first.Metadata.AddFieldAsync(PluginTestHost.User, "contact", "in_code_code", new CrmKit.Core.Metadata.FieldChangeRequest
                {
                    Schema = new JsonObject { ["x-crm-type"] = "string" },
                });
            }

            await using var second = await PluginTestHost.StartAsync(root, o => o.AddInCode(new InCodeModule(), InCodeModule.Manifest));

            var status = second.Status(InCodeModule.PluginId);
            status.State.ShouldBe(PluginState.Failed);
            status.ReasonCode.ShouldBe("plugin.field_conflict");
            status.Reason.ShouldNotBeNull().ShouldContain("contact.in_code_code");
            second.FieldTypes.TryGet("test.in_code_code", out _).ShouldBeFalse();
            var field = second.Metadata.GetEntity("contact").FindField("in_code_code").ShouldNotBeNull();
            field.Type.ShouldBe("string");
            field.Owner.ShouldBeNull();
        }
        finally
        {
            PluginTestHost.Delete(root);
        }
    }

    private static string DisplayNameOf(PluginTestHost host, string type) =>
        host.FieldTypes.TryGet(type, out var found) ? found.Descriptor.DisplayName.Get() : "(none)";

    /// <summary>Registers fixture.code without declaring it: the runtime's own check must catch it.</summary>
    private sealed class SneakyModule : ICrmModule
    {
        public const string PluginId = "test.sneaky";

        public static PluginManifest Manifest { get; } = new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)"));

        public string Id => PluginId;

        public void Configure(ICrmBuilder builder) => builder.FieldTypes.Add(new SneakyType());

        private sealed class SneakyType() : FieldType(new FieldTypeDescriptor(
            "fixture.code", FieldValueKind.Text, new JsonObject { ["type"] = "string" }, LocalizedText.Of("Sneaky")));
    }
}
