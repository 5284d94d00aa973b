using CrmKit.Core;
using CrmKit.Core.Editions;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Editions.Installing;
using CrmKit.Editions.Planning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Editions;

/// <summary>Adds editions to a CrmKit host.</summary>
public static class EditionsCrmKitBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="IEditionService"/> (editions fetched from the feeds of the plugin distribution's nuget.config,
    /// planned, and applied all or nothing), registers the installed editions' plugin ranges as constraints for plugin
    /// updates, and refuses to start when an installed edition excludes the running CrmKit version. Call it after
    /// <c>AddPlugins</c> and <c>AddPluginPackages</c>.
    /// </summary>
    /// <param name="builder">The CrmKit builder.</param>
    /// <param name="configure">Configures <see cref="EditionOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static CrmKitBuilder AddEditions(this CrmKitBuilder builder, Action<EditionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<EditionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrWhiteSpace(o.PackageFolder) && (o.CoreVersion is null || NuGet.Versioning.NuGetVersion.TryParse(o.CoreVersion, out _)),
            "CrmKit:Editions:PackageFolder must not be empty and CoreVersion must be a version.").ValidateOnStart();
        builder.Services.AddOptions<Distribution.PluginPackageOptions>();
        builder.Services.TryAddSingleton<InstalledEditionStore>();
        builder.Services.TryAddSingleton<EditionFeed>();
        builder.Services.TryAddSingleton<EditionPlanner>();
        builder.Services.TryAddSingleton<EditionInstaller>();
        builder.Services.TryAddSingleton<EditionService>();
        builder.Services.TryAddSingleton<IEditionService>(sp => sp.GetRequiredService<EditionService>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPluginPackageConstraintSource, EditionConstraintSource>());

        // First of all hosted services: before the store is initialized or migrated at start.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, EditionCompatibilityCheck>());
        return builder;
    }
}
