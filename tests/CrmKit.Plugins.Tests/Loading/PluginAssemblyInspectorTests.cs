using CrmKit.Plugins.Loading;
using CrmKit.Plugins.Manifest;
using CrmKit.Plugins.Planning;
using CrmKit.Sdk.Extensibility;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Loading;

public sealed class PluginAssemblyInspectorTests
{
    private static readonly Version HostSdk = typeof(ICrmModule).Assembly.GetName().Version!;

    [Fact]
    public void Inspect_ShouldReturnTheEntryAssembly_WhenTheFolderIsComplete()
    {
        var folder = FixturePlugins.Folder(FixturePlugins.JsonOld);

        var path = PluginAssemblyInspector.Inspect(folder, PluginManifestReader.ReadFromFolder(folder), HostSdk);

        path.ShouldBe(Path.Combine(folder, "Fixture.JsonOld.dll"));
    }

    [Fact]
    public void Inspect_ShouldUseTheFolderName_WhenTheManifestNamesNoAssembly()
    {
        using var copy = new PluginFolderCopy(FixturePlugins.Base, "Fixture.Base");
        var manifest = new PluginManifest("fixture.base", NuGetVersion.Parse("1.0.0"), VersionRange.All);

        PluginAssemblyInspector.Inspect(copy.Path, manifest, HostSdk).ShouldBe(copy.File("Fixture.Base.dll"));
    }

    [Fact]
    public void Inspect_ShouldThrowAssemblyMissing_WhenTheEntryAssemblyIsAbsent()
    {
        using var copy = new PluginFolderCopy(FixturePlugins.Base);
        File.Delete(copy.File("Fixture.Base.dll"));

        var ex = Should.Throw<PluginLoadException>(() => Inspect(copy.Path));

        ex.Code.ShouldBe(PluginErrorCodes.AssemblyMissing);
        ex.PluginId.ShouldBe("fixture.base");
        ex.Message.ShouldContain("Fixture.Base.dll");
    }

    [Fact]
    public void Inspect_ShouldThrowAssemblyCorrupt_WhenTheEntryAssemblyIsGarbage()
    {
        using var copy = new PluginFolderCopy(FixturePlugins.JsonOld);
        File.WriteAllText(copy.File("Fixture.JsonOld.dll"), "this is not a portable executable");

        var ex = Should.Throw<PluginLoadException>(() => Inspect(copy.Path));

        ex.Code.ShouldBe(PluginErrorCodes.AssemblyCorrupt);
        ex.Message.ShouldContain("Fixture.JsonOld.dll");
    }

    [Fact]
    public void Inspect_ShouldThrowFilesMissing_NamingTheFile_WhenAPrivateDependencyIsDeleted()
    {
        using var copy = new PluginFolderCopy(FixturePlugins.JsonOld);
        File.Delete(copy.File("Newtonsoft.Json.dll"));

        var ex = Should.Throw<PluginLoadException>(() => Inspect(copy.Path));

        ex.Code.ShouldBe(PluginErrorCodes.FilesMissing);
        ex.Message.ShouldContain("'Newtonsoft.Json.dll'");
    }

    [Fact]
    public void Inspect_ShouldNotRequireSharedAssemblies_InThePluginFolder()
    {
        using var copy = new PluginFolderCopy(FixturePlugins.JsonOld);
        File.Delete(copy.File("CrmKit.Sdk.dll"));
        File.Delete(copy.File("Microsoft.Extensions.DependencyInjection.Abstractions.dll"));

        Should.NotThrow(() => Inspect(copy.Path));
    }

    [Fact]
    public void Plan_ShouldBlockSdkNext_BecauseItsManifestHonestlyNamesSdk99()
    {
        var manifest = PluginManifestReader.ReadFromFolder(FixturePlugins.Folder(FixturePlugins.SdkNext));

        manifest.SdkRange.ShouldBe(VersionRange.Parse("[99.0.0, 100.0.0)"));
        PluginPlanner.Plan([manifest], new NuGetVersion(HostSdk)).Blocked.ShouldHaveSingleItem().Code.ShouldBe(PluginErrorCodes.SdkIncompatible);
    }

    [Fact]
    public void Inspect_ShouldThrowSdkIncompatible_WhenTheManifestLiesAboutTheSdkRange()
    {
        using var copy = new PluginFolderCopy(FixturePlugins.SdkNext);
        var json = File.ReadAllText(copy.File(PluginManifestReader.FileName)).Replace("[99.0.0, 100.0.0)", "[0.0.1, 1000.0.0)", StringComparison.Ordinal);
        File.WriteAllText(copy.File(PluginManifestReader.FileName), json);
        var manifest = PluginManifestReader.ReadFromFolder(copy.Path);
        PluginPlanner.Plan([manifest], new NuGetVersion(HostSdk)).IsComplete.ShouldBeTrue();

        var ex = Should.Throw<PluginLoadException>(() => PluginAssemblyInspector.Inspect(copy.Path, manifest, HostSdk));

        ex.Code.ShouldBe(PluginErrorCodes.SdkIncompatible);
        ex.Message.ShouldBe($"Plugin 'fixture.sdk-next' was built against CrmKit.Sdk 99.0.0; this host has {HostSdk.ToString(3)}.");
    }

    private static string Inspect(string folder) =>
        PluginAssemblyInspector.Inspect(folder, PluginManifestReader.ReadFromFolder(folder), HostSdk);
}
