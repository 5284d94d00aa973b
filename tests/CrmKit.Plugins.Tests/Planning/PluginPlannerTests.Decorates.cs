using CrmKit.Plugins.Planning;
using static CrmKit.Plugins.Tests.Planning.Manifests;

namespace CrmKit.Plugins.Tests.Planning;

public sealed partial class PluginPlannerTests
{
    [Fact]
    public void Plan_ShouldLoadTheDecorator_WhenItDeclaresDecoratesAndDependsOnTheProvider()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("a.audit", dependsOn: ["z.base"], provides: ["workflow-action:send"], decorates: ["workflow-action:send"]),
            Plugin("z.base", provides: ["workflow-action:send"]),
        ], Host);

        Loaded(plan).ShouldBe(["z.base", "a.audit"]);
        plan.Blocked.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_ShouldBlockTheDecorator_WhenItDoesNotDependOnTheProvider()
    {
        var plan = PluginPlanner.Plan(
        [
            Plugin("a.base", provides: ["workflow-action:send"]),
            Plugin("b.audit", provides: ["workflow-action:send"], decorates: ["workflow-action:send"]),
        ], Host);

        Loaded(plan).ShouldBe(["a.base"]);
        var blocked = plan.Blocked.ShouldHaveSingleItem();
        blocked.Code.ShouldBe(PluginErrorCodes.ProvidesConflict);
        blocked.Reason.ShouldBe("Plugin 'b.audit' 1.0.0 decorates 'workflow-action:send', provided by plugin 'a.base' 1.0.0, but does not depend on 'a.base'; a plugin may only decorate what a plugin it depends on provides.");
    }
}
