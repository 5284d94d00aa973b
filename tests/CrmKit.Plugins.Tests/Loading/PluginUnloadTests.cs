using System.Globalization;
using System.Runtime.CompilerServices;
using CrmKit.Plugins.Loading;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;

namespace CrmKit.Plugins.Tests.Loading;

public sealed class PluginUnloadTests
{
    private static readonly Version HostSdk = typeof(ICrmModule).Assembly.GetName().Version!;

    [Fact]
    public void Unload_ShouldLetTheLoadContextBeCollected()
    {
        var context = LoadConfigureAndUnload(FixturePlugins.Folder(FixturePlugins.JsonOld), out _);

        WaitForCollection(context).ShouldBeTrue("The plugin's load context is still alive after unloading.");
    }

    [Fact]
    public void Load_ShouldLoadANewerBuild_CopiedOverTheUnloadedOne()
    {
        using var copy = new PluginFolderCopy(FixturePlugins.HotV1, "fixture.hot");
        var first = LoadConfigureAndUnload(copy.Path, out var firstVersion);
        firstVersion.ShouldBe("Hot score 1.0.0");
        WaitForCollection(first).ShouldBeTrue();

        copy.CopyFrom(FixturePlugins.HotV2);
        var second = LoadConfigureAndUnload(copy.Path, out var secondVersion);

        secondVersion.ShouldBe("Hot score 2.0.0");
        PluginManifestReader.ReadFromFolder(copy.Path).Version.ToNormalizedString().ShouldBe("2.0.0");
        WaitForCollection(second).ShouldBeTrue();
    }

    [Fact]
    public void Load_ShouldNotLockTheFiles_SoANewBuildCanBeCopiedWhileLoaded()
    {
        using var copy = new PluginFolderCopy(FixturePlugins.HotV1, "fixture.hot");
        using var loaded = PluginAssemblyLoader.Load(copy.Path, PluginManifestReader.ReadFromFolder(copy.Path));

        Should.NotThrow(() => copy.CopyFrom(FixturePlugins.HotV2));
    }

    /// <summary>Loads, configures and unloads in a frame of its own, so no local keeps the plugin alive.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadConfigureAndUnload(string folder, out string fieldTypeName)
    {
        var manifest = PluginManifestReader.ReadFromFolder(folder);
        PluginAssemblyInspector.Inspect(folder, manifest, HostSdk);
        var loaded = PluginAssemblyLoader.Load(folder, manifest);
        var module = loaded.CreateModule();
        var builder = new TestCrmBuilder(module.Id);
        module.Configure(builder);
        fieldTypeName = builder.All.FirstOrDefault()?.Descriptor.DisplayName.Get(CultureInfo.InvariantCulture) ?? "(none)";
        return loaded.Unload();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool WaitForCollection(WeakReference context)
    {
        for (var i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        return !context.IsAlive;
    }
}
