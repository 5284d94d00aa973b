using System.Runtime.Loader;
using CrmKit.Plugins.Loading;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Loading;

public sealed class PluginAssemblyLoaderTests
{
    [Fact]
    public void CreateModule_ShouldInstantiateTheModule_InACollectibleContext()
    {
        var folder = FixturePlugins.Folder(FixturePlugins.Dependent);
        using var loaded = PluginAssemblyLoader.Load(folder, PluginManifestReader.ReadFromFolder(folder));

        var module = loaded.CreateModule();
        var builder = new TestCrmBuilder(module.Id);
        module.Configure(builder);

        module.Id.ShouldBe("fixture.dependent");
        AssemblyLoadContext.GetLoadContext(module.GetType().Assembly).ShouldBeSameAs(loaded.LoadContext);
        loaded.LoadContext.IsCollectible.ShouldBeTrue();
        builder.Registered.ShouldBe(["field:fixture_item.dependent_note"]);
    }

    [Fact]
    public void CreateModule_ShouldThrowIdMismatch_WhenTheModuleIdDiffersFromTheManifest()
    {
        var folder = FixturePlugins.Folder(FixturePlugins.Base);
        var manifest = new PluginManifest("fixture.other", NuGetVersion.Parse("1.0.0"), VersionRange.All) { EntryAssembly = "Fixture.Base.dll" };
        using var loaded = PluginAssemblyLoader.Load(folder, manifest);

        var ex = Should.Throw<PluginLoadException>(loaded.CreateModule);

        ex.Code.ShouldBe(PluginErrorCodes.IdMismatch);
        ex.Message.ShouldContain("'fixture.base'");
        ex.Message.ShouldContain("'fixture.other'");
    }

    [Fact]
    public void Load_ShouldBindAnySdkReference_ToTheHostsSdk_SoTheInspectorMustCheckTheMajorFirst()
    {
        // Fixture.SdkNext was built against a fake CrmKit.Sdk 99; the shared SDK resolves by name to the host's copy,
        // so only PluginAssemblyInspector (which reads the reference version before loading) can refuse it.
        var folder = FixturePlugins.Folder(FixturePlugins.SdkNext);
        using var loaded = PluginAssemblyLoader.Load(folder, PluginManifestReader.ReadFromFolder(folder));

        var module = loaded.CreateModule();

        module.GetType().GetInterfaces().ShouldContain(typeof(ICrmModule));
    }

    [Fact]
    public void Load_ShouldThrowAssemblyMissing_WhenTheEntryAssemblyIsAbsent()
    {
        using var copy = new PluginFolderCopy(FixturePlugins.Base);
        File.Delete(copy.File("Fixture.Base.dll"));

        Should.Throw<PluginLoadException>(() => PluginAssemblyLoader.Load(copy.Path, PluginManifestReader.ReadFromFolder(copy.Path)))
            .Code.ShouldBe(PluginErrorCodes.AssemblyMissing);
    }

    [Fact]
    public void Load_ShouldShareTheSdk_WithTheHost()
    {
        var folder = FixturePlugins.Folder(FixturePlugins.Base);
        using var loaded = PluginAssemblyLoader.Load(folder, PluginManifestReader.ReadFromFolder(folder));

        var module = loaded.CreateModule();

        module.ShouldBeAssignableTo<ICrmModule>();
        loaded.LoadContext.Assemblies.ShouldNotContain(a => a.GetName().Name == "CrmKit.Sdk");
    }
}
