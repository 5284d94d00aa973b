using CrmKit.Plugins.Manifest;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Manifest;

public sealed class PluginManifestTests
{
    [Theory]
    [InlineData("acme", true)]
    [InlineData("acme.loyalty", true)]
    [InlineData("ru.egrul-lookup.v2", true)]
    [InlineData("Acme.loyalty", false)]
    [InlineData("acme.", false)]
    [InlineData(".acme", false)]
    [InlineData("acme.-x", false)]
    [InlineData("acme.x-", false)]
    [InlineData("acme.2x", false)]
    [InlineData("acme loyalty", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidId_ShouldAcceptOnlyLowerCaseDottedIds(string? id, bool valid)
    {
        PluginManifest.IsValidId(id).ShouldBe(valid);
    }

    [Theory]
    [InlineData("entity:invoice", true)]
    [InlineData("field-type:ru.inn", true)]
    [InlineData("workflow-action:egrul.refresh", true)]
    [InlineData("invoice", false)]
    [InlineData("Entity:invoice", false)]
    [InlineData("entity:", false)]
    [InlineData("entity:in voice", false)]
    public void IsValidProvidedName_ShouldAcceptKindColonName(string name, bool valid)
    {
        PluginManifest.IsValidProvidedName(name).ShouldBe(valid);
    }

    [Fact]
    public void Constructor_ShouldThrow_WhenIdIsInvalid()
    {
        Should.Throw<ArgumentException>(() => new PluginManifest("Bad Id", NuGetVersion.Parse("1.0.0"), VersionRange.All));
    }

    [Fact]
    public void Dependencies_ShouldRejectSelfAndDuplicateIds()
    {
        Should.Throw<ArgumentException>(() => new PluginManifest("a", NuGetVersion.Parse("1.0.0"), VersionRange.All)
        {
            Dependencies = [new PluginDependency("a", VersionRange.All)],
        });
        Should.Throw<ArgumentException>(() => new PluginManifest("a", NuGetVersion.Parse("1.0.0"), VersionRange.All)
        {
            Dependencies = [new PluginDependency("b", VersionRange.All), new PluginDependency("b", VersionRange.All)],
        });
    }

    [Fact]
    public void Provides_ShouldRejectInvalidOrRepeatedNames()
    {
        Should.Throw<ArgumentException>(() => new PluginManifest("a", NuGetVersion.Parse("1.0.0"), VersionRange.All) { Provides = ["nope"] });
        Should.Throw<ArgumentException>(() => new PluginManifest("a", NuGetVersion.Parse("1.0.0"), VersionRange.All) { Replaces = ["entity:x", "entity:x"] });
    }

    [Fact]
    public void PluginDependency_ShouldThrow_WhenIdIsInvalid()
    {
        Should.Throw<ArgumentException>(() => new PluginDependency("A", VersionRange.All));
    }

    [Theory]
    [InlineData("Acme.Loyalty.dll", true)]
    [InlineData("acme.DLL", true)]
    [InlineData("Acme.Loyalty.exe", false)]
    [InlineData("lib/Acme.dll", false)]
    [InlineData("lib\\Acme.dll", false)]
    [InlineData("C:Acme.dll", false)]
    [InlineData(".dll", false)]
    [InlineData(" Acme.dll", false)]
    [InlineData(null, false)]
    public void IsValidEntryAssembly_ShouldAcceptOnlyPlainDllFileNames(string? fileName, bool valid)
    {
        PluginManifest.IsValidEntryAssembly(fileName).ShouldBe(valid);
    }

    [Fact]
    public void EntryAssembly_AndDecorates_ShouldRejectInvalidValues()
    {
        Should.Throw<ArgumentException>(() => new PluginManifest("a", NuGetVersion.Parse("1.0.0"), VersionRange.All) { EntryAssembly = "../a.dll" });
        Should.Throw<ArgumentException>(() => new PluginManifest("a", NuGetVersion.Parse("1.0.0"), VersionRange.All) { Decorates = ["entity:x", "entity:x"] });
    }
}
