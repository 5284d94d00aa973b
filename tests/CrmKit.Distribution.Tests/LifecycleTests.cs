using CrmKit.Core.Plugins;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Tests.Infrastructure;
using CrmKit.Testing.Feeds;

namespace CrmKit.Distribution.Tests;

/// <summary>Update, remove, restore from the lock file, commit and rollback, single flight.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task InstallUpdateRemove_ChangeTheLiveCodeWithoutRestart()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Hot("1.0.0"));
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        host.FieldType("fixture.hot_score").ShouldBeNull();

        await host.InstallAsync(DistributionHost.Install("fixture.hot"));
        host.FieldType("fixture.hot_score").ShouldBe("Hot score 1.0.0");

        FolderFeed.WriteFlat(feed, Fixtures.Hot("2.0.0"));
        var update = await host.InstallAsync(new PluginPackageRequest { Update = ["fixture.hot"] });
        update.Steps.Single().Action.ShouldBe(PluginPackageAction.Upgrade);
        host.FieldType("fixture.hot_score").ShouldBe("Hot score 2.0.0");
        host.Status("fixture.hot")!.Registered.ShouldContain("field:contact.hot_level");

        await host.InstallAsync(new PluginPackageRequest { Remove = ["fixture.hot"] });
        host.FieldType("fixture.hot_score").ShouldBeNull();
        host.Status("fixture.hot").ShouldBeNull();
    }

    [Fact]
    public async Task Update_MovesToTheHighestVersion_AndReloadsWithoutRestart()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base("1.0.0"), Fixtures.Dependent());
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        await host.InstallAsync(DistributionHost.Install("fixture.dependent"));
        FolderFeed.WriteFlat(feed, Fixtures.Base("1.5.0"), Fixtures.Base("2.0.0"));

        var plan = await host.InstallAsync(new PluginPackageRequest { Update = ["fixture.base"] });

        // 2.0.0 is outside fixture.dependent's range [1.0.0, 2.0.0): the highest version that keeps the set working wins.
        plan.Steps.Select(s => (s.Id, s.Action, s.FromVersion, s.ToVersion)).ShouldBe(
        [
            ("fixture.base", PluginPackageAction.Upgrade, "1.0.0", "1.5.0"),
            ("fixture.dependent", PluginPackageAction.Keep, "1.0.0", "1.0.0"),
        ]);
        host.Status("fixture.base")!.Version.ShouldBe("1.5.0");
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
        host.Status("fixture.dependent")!.State.ShouldBe(PluginState.Loaded);
        (await host.Packages.ListAsync(CancellationToken.None)).Single(p => p.Id == "fixture.base").Version.ShouldBe("1.5.0");
    }

    [Fact]
    public async Task Remove_IsRefusedWhileDependentsRemain_ThenRemovesTheExtensionsLive()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base(), Fixtures.Dependent());
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        await host.InstallAsync(DistributionHost.Install("fixture.dependent"));
        var before = host.Snapshot();

        var refused = await host.Packages.PlanAsync(new PluginPackageRequest { Remove = ["fixture.base"] }, CancellationToken.None);

        refused.Problems.Single().Code.ShouldBe(PluginPackageErrorCodes.HasDependents);
        refused.Problems.Single().Message.ShouldContain("fixture.dependent 1.0.0");
        host.Snapshot().ShouldBe(before);

        var plan = await host.InstallAsync(new PluginPackageRequest { Remove = ["fixture.base", "fixture.dependent"] });

        plan.Steps.Select(s => (s.Id, s.Action)).ShouldBe([("fixture.base", PluginPackageAction.Remove), ("fixture.dependent", PluginPackageAction.Remove)]);
        host.Status("fixture.base").ShouldBeNull();
        host.Status("fixture.dependent").ShouldBeNull();
        Directory.EnumerateFileSystemEntries(host.PluginsFolder).ShouldBeEmpty();
        (await host.Packages.ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Restore_OnAFreshHost_ReproducesExactlyTheLockedSet()
    {
        await using var feed = await HttpFeedServer.StartAsync(Fixtures.Base("1.0.0"), Fixtures.Dependent());
        var first = DistributionHost.NewRoot();
        string lockText;
        await using (var host = await DistributionHost.StartAsync(first, [new FeedSource("remote", feed.IndexUrl)]))
        {
            await host.InstallAsync(DistributionHost.Install("fixture.dependent"));
            lockText = File.ReadAllText(host.LockFile);
        }

        // Newer versions appear on the feed; a restore still brings back exactly the pinned ones.
        feed.Add(Fixtures.Base("1.9.0"));
        var second = DistributionHost.NewRoot();
        File.WriteAllText(Path.Combine(second, "plugins.lock.json"), lockText);
        await using var fresh = await DistributionHost.StartAsync(second, [new FeedSource("remote", feed.IndexUrl)]);

        var plan = await fresh.Packages.RestoreAsync(CancellationToken.None);
        plan.Problems.ShouldBeEmpty();
        plan.IsRestore.ShouldBeTrue();
        plan.Steps.Select(s => (s.Id, s.Action, s.ToVersion)).ShouldBe(
            [("fixture.base", PluginPackageAction.Install, "1.0.0"), ("fixture.dependent", PluginPackageAction.Install, "1.0.0")]);
        await using (var change = await fresh.Packages.ApplyAsync(plan, CancellationToken.None))
        {
            await change.CommitAsync(CancellationToken.None);
        }

        fresh.Status("fixture.base")!.Version.ShouldBe("1.0.0");
        fresh.Status("fixture.dependent")!.State.ShouldBe(PluginState.Loaded);
        File.ReadAllText(fresh.LockFile).ShouldBe(lockText);
        (await fresh.Packages.RestoreAsync(CancellationToken.None)).HasChanges.ShouldBeFalse();
    }

    [Fact]
    public async Task Restore_FailsClearly_WhenTheFeedLostOrChangedALockedPackage()
    {
        var original = Fixtures.Base("1.0.0");
        await using var feed = await HttpFeedServer.StartAsync(original, Fixtures.Dependent());
        var first = DistributionHost.NewRoot();
        string lockText;
        await using (var host = await DistributionHost.StartAsync(first, [new FeedSource("remote", feed.IndexUrl)]))
        {
            await host.InstallAsync(DistributionHost.Install("fixture.dependent"));
            lockText = File.ReadAllText(host.LockFile);
        }

        var second = DistributionHost.NewRoot();
        File.WriteAllText(Path.Combine(second, "plugins.lock.json"), lockText);
        await using var fresh = await DistributionHost.StartAsync(second, [new FeedSource("remote", feed.IndexUrl)]);
        var before = fresh.Snapshot();

        // Re-published with other bytes: the feed's own hash matches the new bytes, the lock's does not.
        var republished = PluginPackageBuilder.Build(new PluginPackageSpec
        {
            Id = "fixture.base", Version = "1.0.0", PublishFolder = Fixtures.Folder("fixture.base"), Description = "Re-published.",
        });
        feed.Add(republished);
        var changed = await fresh.Packages.RestoreAsync(CancellationToken.None);
        changed.Problems.Single().Code.ShouldBe(PluginPackageErrorCodes.LockMismatch);
        changed.Problems.Single().Message.ShouldContain(original.Sha512);
        changed.Problems.Single().Message.ShouldContain(republished.Sha512);

        feed.Forget("fixture.base", "1.0.0");
        var lost = await fresh.Packages.RestoreAsync(CancellationToken.None);
        lost.Problems.Single().Code.ShouldBe(PluginPackageErrorCodes.LockMismatch);
        lost.Problems.Single().Message.ShouldContain("fixture.base 1.0.0");
        lost.Problems.Single().Message.ShouldContain("no package source");

        await Should.ThrowAsync<PluginPackageException>(() => fresh.Packages.ApplyAsync(lost, CancellationToken.None));
        fresh.Snapshot().ShouldBe(before);
        fresh.Status("fixture.base").ShouldBeNull();
    }

    [Fact]
    public async Task PinnedPluginWhoseFolderWentAway_IsInstalledAgainByTheNextChange()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base(), Fixtures.Dependent());
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        await host.InstallAsync(DistributionHost.Install("fixture.base"));
        Directory.Delete(Path.Combine(host.PluginsFolder, "fixture.base"), recursive: true);
        await host.Plugins.ScanAsync(CancellationToken.None);

        var plan = await host.InstallAsync(DistributionHost.Install("fixture.dependent"));

        plan.Steps.Single(s => s.Id == "fixture.base").Action.ShouldBe(PluginPackageAction.Install);
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
        host.Status("fixture.dependent")!.State.ShouldBe(PluginState.Loaded);
    }

    [Fact]
    public async Task Rollback_OfAnAppliedChange_PutsThePreviousSetAndLockBack()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base("1.0.0"), Fixtures.Base("1.1.0"), Fixtures.Dependent());
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        await host.InstallAsync(new PluginPackageRequest { Install = [new PluginPackageRequirement("fixture.base", "[1.0.0]")] });
        var before = host.Snapshot();
        var plan = await host.Packages.PlanAsync(
            new PluginPackageRequest { Install = [new PluginPackageRequirement("fixture.dependent")], Update = ["fixture.base"] }, CancellationToken.None);
        plan.Problems.ShouldBeEmpty();

        var change = await host.Packages.ApplyAsync(plan, CancellationToken.None);
        host.Status("fixture.dependent")!.State.ShouldBe(PluginState.Loaded);
        host.Status("fixture.base")!.Version.ShouldBe("1.1.0");

        // Single flight: nothing else applies while the change is open.
        var busy = await Should.ThrowAsync<PluginPackageException>(() => host.Packages.ApplyAsync(plan, CancellationToken.None));
        busy.Code.ShouldBe(PluginPackageErrorCodes.Busy);

        await change.RollbackAsync(CancellationToken.None);

        host.Snapshot().ShouldBe(before);
        host.Status("fixture.dependent").ShouldBeNull();
        host.Status("fixture.base")!.Version.ShouldBe("1.0.0");
        host.Status("fixture.base")!.State.ShouldBe(PluginState.Loaded);
    }

    [Fact]
    public async Task DisposingAnUncommittedChange_RollsItBack()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Hot("1.0.0"));
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        var before = host.Snapshot();
        var plan = await host.Packages.PlanAsync(DistributionHost.Install("fixture.hot"), CancellationToken.None);

        await using (await host.Packages.ApplyAsync(plan, CancellationToken.None))
        {
            host.FieldType("fixture.hot_score").ShouldBe("Hot score 1.0.0");
        }

        host.Snapshot().ShouldBe(before);
        host.Status("fixture.hot").ShouldBeNull();
        host.FieldType("fixture.hot_score").ShouldBeNull();
    }

    [Fact]
    public async Task PlanMadeBeforeAnotherChange_IsRefusedAsOutdated()
    {
        var root = DistributionHost.NewRoot();
        var feed = FolderFeed.WriteFlat(Path.Combine(root, "feed"), Fixtures.Base(), Fixtures.Dependent());
        await using var host = await DistributionHost.StartAsync(root, [new FeedSource("local", feed)]);
        var stale = await host.Packages.PlanAsync(DistributionHost.Install("fixture.dependent"), CancellationToken.None);
        await host.InstallAsync(DistributionHost.Install("fixture.base"));
        var before = host.Snapshot();

        var error = await Should.ThrowAsync<PluginPackageException>(() => host.Packages.ApplyAsync(stale, CancellationToken.None));

        error.Message.ShouldContain("plan again");
        host.Snapshot().ShouldBe(before);
    }
}
