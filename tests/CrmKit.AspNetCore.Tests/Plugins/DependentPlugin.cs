using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using NuGet.Versioning;

namespace CrmKit.AspNetCore.Tests.Plugins;

/// <summary>A plugin that depends on <see cref="RatingPlugin"/>, so that disabling the latter has a dependent.</summary>
public sealed class DependentPlugin : ICrmModule
{
    public const string PluginId = "test.dependent";

    public static PluginManifest Manifest { get; } =
        new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)"))
        {
            Dependencies = [new PluginDependency(RatingPlugin.PluginId, VersionRange.Parse("[1.0.0, 2.0.0)"))],
        };

    public string Id => PluginId;

    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Entities.Extend("contact", contact => contact.Text("test_dependent_note"));
    }
}
