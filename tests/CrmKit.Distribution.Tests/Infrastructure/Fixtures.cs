using CrmKit.Testing.Feeds;

namespace CrmKit.Distribution.Tests.Infrastructure;

/// <summary>Plugin packages built from the published fixture plugins (tests/Fixtures/Plugins).</summary>
internal static class Fixtures
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "fixture-plugins");

    public static string Folder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.Exists(folder).ShouldBeTrue($"The fixture plugin folder '{folder}' is missing; build tests/CrmKit.Distribution.Tests.");
        return folder;
    }

    /// <summary>fixture.base (defines the entity fixture_item) at a version.</summary>
    public static TestPackage Base(string version = "1.0.0") =>
        PluginPackageBuilder.Build(new PluginPackageSpec { Id = "fixture.base", Version = version, PublishFolder = Folder("fixture.base") });

    /// <summary>fixture.dependent (adds a field to fixture_item), depending on fixture.base in a range.</summary>
    public static TestPackage Dependent(string version = "1.0.0", string baseRange = "[1.0.0, 2.0.0)") =>
        PluginPackageBuilder.Build(new PluginPackageSpec
        {
            Id = "fixture.dependent",
            Version = version,
            PublishFolder = Folder("fixture.dependent"),
            Dependencies = new Dictionary<string, string> { ["fixture.base"] = baseRange },
        });

    /// <summary>fixture.hot: 1.0.0 from Fixture.Hot.V1, 2.0.0 from Fixture.Hot.V2 (field type fixture.hot_score named after the build).</summary>
    public static TestPackage Hot(string version) =>
        PluginPackageBuilder.Build(new PluginPackageSpec
        {
            Id = "fixture.hot", Version = version, PublishFolder = Folder(version.StartsWith('2') ? "fixture.hot-v2" : "fixture.hot-v1"),
        });

    public static TestPackage Of(string fixture, string version = "1.0.0", string? sdkRange = null) =>
        PluginPackageBuilder.Build(new PluginPackageSpec { Id = fixture, Version = version, PublishFolder = Folder(fixture), SdkRange = sdkRange });
}
