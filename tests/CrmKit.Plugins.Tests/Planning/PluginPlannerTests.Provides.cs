using CrmKit.Plugins.Planning;
using static CrmKit.Plugins.Tests.Planning.Manifests;

namespace CrmKit.Plugins.Tests.Planning;

public sealed partial class PluginPlannerTests
{
    [Fact]
    public void Plan_ShouldBlockTheLaterPlugin_WhenTwoProvideTheSameName()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("vendor.b", provides: ["field-type:ru.inn", "entity:b"]),
            Plugin("vendor.a", provides: ["field-type:ru.inn"]),
            Plugin("vendor.c", provides: ["entity:c"]),
        ], Host);

        Loaded(plan).ShouldBe(["vendor.a", "vendor.c"]);
        var blocked = plan.Blocked.ShouldHaveSingleItem();
        blocked.Id.ShouldBe("vendor.b");
        blocked.Code.ShouldBe(PluginErrorCodes.ProvidesConflict);
        blocked.Reason.ShouldBe("Plugin 'vendor.b' 1.0.0 provides 'field-type:ru.inn', which plugin 'vendor.a' 1.0.0 earlier in load order already provides; to take it over, list it in 'replaces' and depend on 'vendor.a'.");
    }

    [Fact]
    public void Plan_ShouldLoadTheReplacement_WhenItDeclaresReplacesAndDependsOnTheProvider()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("a.better-inn", dependsOn: ["z.base"], provides: ["field-type:ru.inn"], replaces: ["field-type:ru.inn"]),
            Plugin("z.base", provides: ["field-type:ru.inn", "entity:company"]),
        ], Host);

        Loaded(plan).ShouldBe(["z.base", "a.better-inn"]);
        plan.Blocked.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_ShouldBlockTheReplacement_WhenItDoesNotDependOnTheProvider()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("a.base", provides: ["field-type:ru.inn"]),
            Plugin("b.better-inn", provides: ["field-type:ru.inn"], replaces: ["field-type:ru.inn"]),
        ], Host);

        Loaded(plan).ShouldBe(["a.base"]);
        var blocked = plan.Blocked.ShouldHaveSingleItem();
        blocked.Code.ShouldBe(PluginErrorCodes.ProvidesConflict);
        blocked.Reason.ShouldBe("Plugin 'b.better-inn' 1.0.0 replaces 'field-type:ru.inn', provided by plugin 'a.base' 1.0.0, but does not depend on 'a.base'; a plugin may only replace what a plugin it depends on provides.");
    }

    [Fact]
    public void Plan_ShouldBlockTheLaterPlugin_WhenDependingWithoutDeclaringReplaces()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("base", provides: ["entity:invoice"]),
            Plugin("ext", dependsOn: ["base"], provides: ["entity:invoice"]),
        ], Host);

        Loaded(plan).ShouldBe(["base"]);
        BlockedOf(plan, "ext").Code.ShouldBe(PluginErrorCodes.ProvidesConflict);
    }

    [Fact]
    public void Plan_ShouldAllowAChainOfReplacements_EachDependingOnTheCurrentProvider()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("one", provides: ["workflow-action:egrul.refresh"]),
            Plugin("two", dependsOn: ["one"], provides: ["workflow-action:egrul.refresh"], replaces: ["workflow-action:egrul.refresh"]),
            Plugin("three", dependsOn: ["two"], provides: ["workflow-action:egrul.refresh"], replaces: ["workflow-action:egrul.refresh"]),
            Plugin("z.rogue", dependsOn: ["one"], provides: ["workflow-action:egrul.refresh"], replaces: ["workflow-action:egrul.refresh"]),
        ], Host);

        Loaded(plan).ShouldBe(["one", "two", "three"]);
        BlockedOf(plan, "z.rogue").Reason.ShouldContain("provided by plugin 'three' 1.0.0, but does not depend on 'three'");
    }

    [Fact]
    public void Plan_ShouldBlockDependentsOfAConflictingPlugin_AndLetABlockedPluginsNamesGoToOthers()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("a", provides: ["entity:deal"]),
            Plugin("b", provides: ["entity:deal", "entity:offer"]),
            Plugin("c", dependsOn: ["b"]),
            Plugin("d", provides: ["entity:offer"]),
        ], Host);

        Loaded(plan).ShouldBe(["a", "d"]);
        BlockedOf(plan, "b").Code.ShouldBe(PluginErrorCodes.ProvidesConflict);
        BlockedOf(plan, "c").Reason.ShouldBe("Plugin 'c' 1.0.0 depends on 'b', which is blocked (plugin.provides_conflict).");
    }

    [Fact]
    public void Plan_ShouldIgnoreBlockedPlugins_WhenCheckingProvides()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("a", sdk: "[5.0,6.0)", provides: ["entity:deal"]),
            Plugin("b", provides: ["entity:deal"]),
        ], Host);

        Loaded(plan).ShouldBe(["b"]);
        BlockedOf(plan, "a").Code.ShouldBe(PluginErrorCodes.SdkIncompatible);
    }
}
