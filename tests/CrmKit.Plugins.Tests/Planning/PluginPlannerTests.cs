using CrmKit.Plugins.Manifest;
using CrmKit.Plugins.Planning;
using static CrmKit.Plugins.Tests.Planning.Manifests;

namespace CrmKit.Plugins.Tests.Planning;

public sealed partial class PluginPlannerTests
{
    private static string[] Loaded(PluginPlan plan) => [.. plan.LoadOrder.Select(p => p.Id)];

    private static BlockedPlugin BlockedOf(PluginPlan plan, string id) => plan.Blocked.Single(b => b.Id == id);

    [Fact]
    public void Plan_ShouldLoadEverything_WhenThereAreNoProblems()
    {
        var plan = PluginPlanner.Plan([Plugin("b"), Plugin("a")], Host);

        Loaded(plan).ShouldBe(["a", "b"]);
        plan.Blocked.ShouldBeEmpty();
        plan.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void Plan_ShouldReturnEmptyPlan_WhenThereAreNoCandidates()
    {
        var plan = PluginPlanner.Plan([], Host);

        plan.LoadOrder.ShouldBeEmpty();
        plan.Blocked.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_ShouldOrderDependenciesFirst_AndUnrelatedPluginsById()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("crm.z-app", dependsOn: ["crm.b"]),
            Plugin("crm.a", dependsOn: ["crm.c"]),
            Plugin("crm.c"),
            Plugin("crm.b", dependsOn: ["crm.c", "crm.a"]),
            Plugin("crm.d"),
        ], Host);

        Loaded(plan).ShouldBe(["crm.c", "crm.a", "crm.b", "crm.d", "crm.z-app"]);
    }

    [Fact]
    public void Plan_ShouldGiveTheSameOrder_WhateverTheCandidateOrder()
    {
        PluginManifest[] candidates = [Plugin("x", dependsOn: ["m"]), Plugin("m"), Plugin("b"), Plugin("y", dependsOn: ["b", "x"])];

        var forward = PluginPlanner.Plan(candidates, Host);
        var backward = PluginPlanner.Plan([.. candidates.Reverse()], Host);

        Loaded(forward).ShouldBe(["b", "m", "x", "y"]);
        Loaded(backward).ShouldBe(Loaded(forward));
    }

    [Fact]
    public void Plan_ShouldBlockBothDuplicates_NamingBothVersions()
    {
        var plan = PluginPlanner.Plan([Plugin("acme.x", "2.0.0"), Plugin("acme.x", "1.0.0"), Plugin("other")], Host);

        Loaded(plan).ShouldBe(["other"]);
        plan.Blocked.Select(b => (b.Id, b.Version.ToNormalizedString(), b.Code))
            .ShouldBe([("acme.x", "1.0.0", PluginErrorCodes.DuplicateId), ("acme.x", "2.0.0", PluginErrorCodes.DuplicateId)]);
        plan.Blocked[0].Reason.ShouldBe("Plugin 'acme.x' 1.0.0 is not loaded because plugin id 'acme.x' is offered more than once (versions 1.0.0, 2.0.0); keep exactly one.");
    }

    [Fact]
    public void Plan_ShouldBlockDependents_OfADuplicateId()
    {
        var plan = PluginPlanner.Plan([Plugin("base"), Plugin("base", "1.1.0"), Plugin("app", dependsOn: ["base [1.0,2.0)"])], Host);

        Loaded(plan).ShouldBeEmpty();
        BlockedOf(plan, "app").Code.ShouldBe(PluginErrorCodes.DependencyBlocked);
        BlockedOf(plan, "app").Reason.ShouldBe("Plugin 'app' 1.0.0 depends on 'base', which is blocked (plugin.duplicate_id).");
    }

    [Fact]
    public void Plan_ShouldBlockOnlyTheIncompatiblePlugin_WhenHostSdkIsOutsideItsRange()
    {
        var plan = PluginPlanner.Plan([Plugin("old", sdk: "[0.5,1.0)"), Plugin("current")], Host);

        Loaded(plan).ShouldBe(["current"]);
        var blocked = plan.Blocked.ShouldHaveSingleItem();
        blocked.ShouldBe(new BlockedPlugin("old", NuGet.Versioning.NuGetVersion.Parse("1.0.0"), PluginErrorCodes.SdkIncompatible,
            "Plugin 'old' 1.0.0 supports CrmKit.Sdk [0.5.0, 1.0.0), but the host runs CrmKit.Sdk 1.3.0."));
    }

    [Fact]
    public void Plan_ShouldBlockWithDependencyMissing_NamingEveryMissingDependency()
    {
        var plan = PluginPlanner.Plan([Plugin("app", dependsOn: ["gone.b [2.0,3.0)", "gone.a"]), Plugin("other")], Host);

        Loaded(plan).ShouldBe(["other"]);
        var blocked = BlockedOf(plan, "app");
        blocked.Code.ShouldBe(PluginErrorCodes.DependencyMissing);
        blocked.Reason.ShouldBe("Plugin 'app' 1.0.0 depends on 'gone.a' [0.0.0, ), 'gone.b' [2.0.0, 3.0.0), which are not available.");
    }

    [Fact]
    public void Plan_ShouldBlockWithDependencyVersion_NamingFoundVersionAndRange()
    {
        var plan = PluginPlanner.Plan([Plugin("base", "1.1.0"), Plugin("app", dependsOn: ["base [1.2,2.0)"])], Host);

        Loaded(plan).ShouldBe(["base"]);
        var blocked = BlockedOf(plan, "app");
        blocked.Code.ShouldBe(PluginErrorCodes.DependencyVersion);
        blocked.Reason.ShouldBe("Plugin 'app' 1.0.0 depends on 'base' [1.2.0, 2.0.0), but version 1.1.0 was found.");
    }

    [Fact]
    public void Plan_ShouldAcceptDependency_WhenVersionIsInsideTheRange()
    {
        var plan = PluginPlanner.Plan([Plugin("base", "1.9.3"), Plugin("app", dependsOn: ["base [1.2,2.0)"])], Host);

        Loaded(plan).ShouldBe(["base", "app"]);
    }

    [Fact]
    public void Plan_ShouldBlockTransitively_AndLoadUnrelatedPlugins()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("a", sdk: "[2.0,3.0)"),
            Plugin("b", dependsOn: ["a"]),
            Plugin("c", dependsOn: ["b"]),
            Plugin("d", dependsOn: ["c", "e"]),
            Plugin("e"),
            Plugin("f", dependsOn: ["e"]),
        ], Host);

        Loaded(plan).ShouldBe(["e", "f"]);
        plan.Blocked.Select(b => (b.Id, b.Code)).ShouldBe(
        [
            ("a", PluginErrorCodes.SdkIncompatible),
            ("b", PluginErrorCodes.DependencyBlocked),
            ("c", PluginErrorCodes.DependencyBlocked),
            ("d", PluginErrorCodes.DependencyBlocked),
        ]);
        BlockedOf(plan, "b").Reason.ShouldBe("Plugin 'b' 1.0.0 depends on 'a', which is blocked (plugin.sdk_incompatible).");
        BlockedOf(plan, "d").Reason.ShouldBe("Plugin 'd' 1.0.0 depends on 'c', which is blocked (plugin.dependency_blocked).");
    }

    [Fact]
    public void Plan_ShouldBlockOnlyTheCycle_AndLoadTheRest()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("cyc.a", dependsOn: ["cyc.b"]),
            Plugin("cyc.b", dependsOn: ["cyc.c", "base"]),
            Plugin("cyc.c", dependsOn: ["cyc.a"]),
            Plugin("base"),
            Plugin("app", dependsOn: ["base"]),
        ], Host);

        Loaded(plan).ShouldBe(["base", "app"]);
        plan.Blocked.Select(b => (b.Id, b.Code)).ShouldBe(
        [
            ("cyc.a", PluginErrorCodes.DependencyCycle),
            ("cyc.b", PluginErrorCodes.DependencyCycle),
            ("cyc.c", PluginErrorCodes.DependencyCycle),
        ]);
        BlockedOf(plan, "cyc.a").Reason.ShouldBe("Plugin 'cyc.a' 1.0.0 is part of the dependency cycle cyc.a -> cyc.b -> cyc.c -> cyc.a.");
        BlockedOf(plan, "cyc.b").Reason.ShouldBe("Plugin 'cyc.b' 1.0.0 is part of the dependency cycle cyc.b -> cyc.c -> cyc.a -> cyc.b.");
    }

    [Fact]
    public void Plan_ShouldReportEachCycleSeparately_AndBlockPluginsThatDependOnACycle()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("p", dependsOn: ["q"]),
            Plugin("q", dependsOn: ["p"]),
            Plugin("x", dependsOn: ["y"]),
            Plugin("y", dependsOn: ["x"]),
            Plugin("user", dependsOn: ["q"]),
        ], Host);

        Loaded(plan).ShouldBeEmpty();
        BlockedOf(plan, "p").Reason.ShouldEndWith("cycle p -> q -> p.");
        BlockedOf(plan, "y").Reason.ShouldEndWith("cycle y -> x -> y.");
        BlockedOf(plan, "user").Code.ShouldBe(PluginErrorCodes.DependencyBlocked);
        BlockedOf(plan, "user").Reason.ShouldContain("'q', which is blocked (plugin.dependency_cycle)");
    }

    [Fact]
    public void Plan_ShouldReportTheFirstApplicableRule_WhenAPluginHasSeveralProblems()
    {
        var plan = PluginPlanner.Plan([Plugin("app", sdk: "[9.0,)", dependsOn: ["missing"])], Host);

        plan.Blocked.ShouldHaveSingleItem().Code.ShouldBe(PluginErrorCodes.SdkIncompatible);
    }

    [Fact]
    public void Plan_ShouldThrow_WhenACandidateIsNull()
    {
        Should.Throw<ArgumentException>(() => PluginPlanner.Plan([Plugin("a"), null!], Host));
    }
}
