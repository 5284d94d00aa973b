using CrmKit.Plugins.Manifest;
using CrmKit.Plugins.Tests.Loading;
using CrmKit.Sdk.Extensibility;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Manifest;

/// <summary>The crmkit-plugin.json files the MSBuild targets (src/CrmKit.Sdk/build) wrote for the fixture plugins.</summary>
public sealed class EmittedManifestTests
{
    [Fact]
    public void ReadFromFolder_ShouldCarryTheMSBuildValues_OfADependentPlugin()
    {
        var manifest = PluginManifestReader.ReadFromFolder(FixturePlugins.Folder(FixturePlugins.Dependent));

        manifest.Id.ShouldBe("fixture.dependent");
        manifest.Version.ShouldBe(NuGetVersion.Parse("1.0.0"));
        manifest.Description.ShouldBe("Extends fixture_item from fixture.base with a field.");
        manifest.Dependencies.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            d => d.Id.ShouldBe("fixture.base"),
            d => d.VersionRange.ShouldBe(VersionRange.Parse("[1.0,2.0)")));
        manifest.Provides.ShouldBe(["field:fixture_item.dependent_note"]);
        manifest.EntryAssembly.ShouldBe("Fixture.Dependent.dll");
    }

    [Fact]
    public void ReadFromFolder_ShouldDefaultTheSdkRange_ToTheReferencedSdkUpToTheNextMajor()
    {
        var sdk = typeof(ICrmModule).Assembly.GetName().Version!;

        var manifest = PluginManifestReader.ReadFromFolder(FixturePlugins.Folder(FixturePlugins.Base));

        manifest.SdkRange.ShouldBe(new VersionRange(new NuGetVersion(sdk.Major, sdk.Minor, sdk.Build), true, new NuGetVersion(sdk.Major + 1, 0, 0), false));
    }

    [Fact]
    public void ReadFromFolder_ShouldCarryReplaces_AndTheAssemblyName_OfSharedAssemblyNames()
    {
        var replacer = PluginManifestReader.ReadFromFolder(FixturePlugins.Folder(FixturePlugins.Replacer));
        var hot = PluginManifestReader.ReadFromFolder(FixturePlugins.Folder(FixturePlugins.HotV2));

        replacer.Replaces.ShouldBe(["field-type:fixture.code"]);
        replacer.Provides.ShouldBe(["field-type:fixture.code"]);
        hot.Id.ShouldBe("fixture.hot");
        hot.Version.ShouldBe(NuGetVersion.Parse("2.0.0"));
        hot.EntryAssembly.ShouldBe("Fixture.Hot.dll");
        hot.DisplayName.ShouldBe("Hot reload fixture");
    }

    [Theory]
    [InlineData(FixturePlugins.JsonOld)]
    [InlineData(FixturePlugins.JsonNew)]
    [InlineData(FixturePlugins.HotV1)]
    [InlineData(FixturePlugins.HotV2)]
    [InlineData(FixturePlugins.Base)]
    [InlineData(FixturePlugins.Dependent)]
    [InlineData(FixturePlugins.Throwing)]
    [InlineData(FixturePlugins.Hanging)]
    [InlineData(FixturePlugins.ConflictA)]
    [InlineData(FixturePlugins.ConflictB)]
    [InlineData(FixturePlugins.Replacer)]
    [InlineData(FixturePlugins.SdkNext)]
    [InlineData(FixturePlugins.Bench)]
    public void ReadFromFolder_ShouldAcceptEveryPublishedFixture(string fixture)
    {
        var folder = FixturePlugins.Folder(fixture);

        var manifest = PluginManifestReader.ReadFromFolder(folder);

        File.Exists(Path.Combine(folder, manifest.EntryAssembly!)).ShouldBeTrue();
    }
}
