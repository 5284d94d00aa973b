using NuGet.Versioning;

namespace CrmKit.Plugins.Manifest;

/// <summary>A plugin's need for another plugin: its id and the versions that will do.</summary>
public sealed record PluginDependency
{
    /// <summary>Creates a dependency.</summary>
    /// <param name="id">The id of the plugin depended on (see <see cref="PluginManifest.IsValidId"/>).</param>
    /// <param name="versionRange">The acceptable versions, such as <c>[1.2, 2.0)</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a valid plugin id.</exception>
    public PluginDependency(string id, VersionRange versionRange)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(versionRange);
        if (!PluginManifest.IsValidId(id))
        {
            throw new ArgumentException(PluginMessages.InvalidId(id), nameof(id));
        }

        Id = id;
        VersionRange = versionRange;
    }

    /// <summary>The id of the plugin depended on.</summary>
    public string Id { get; }

    /// <summary>The acceptable versions of that plugin.</summary>
    public VersionRange VersionRange { get; }
}
