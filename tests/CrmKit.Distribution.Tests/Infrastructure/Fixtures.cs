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

    public static TestPackage Of(string fixture, string version = "1.0.0", string? sdkRange = null) =>
        PluginPackageBuilder.Build(new PluginPackageSpec { Id = fixture, Version = version, PublishFolder = Folder(fixture), SdkRange = sdkRange });
}
