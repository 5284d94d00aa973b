using CrmKit.Core;
using CrmKit.Core.Plugins.Packages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmKit.Distribution;

/// <summary>Adds plugin distribution from NuGet feeds to a CrmKit host.</summary>
public static class PluginPackagesCrmKitBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="IPluginPackageManager"/>: plugins installed, updated, removed and restored from the feeds of a
    /// nuget.config into the plugin runtime's folder, hot-loaded without a restart. Call it after <c>AddPlugins</c>.
    /// </summary>
    /// <param name="builder">The CrmKit builder.</param>
    /// <param name="configure">Configures <see cref="PluginPackageOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static CrmKitBuilder AddPluginPackages(this CrmKitBuilder builder, Action<PluginPackageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<PluginPackageOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.FeedTimeout > TimeSpan.Zero && !string.IsNullOrWhiteSpace(o.LockFile),
            "CrmKit:Distribution:FeedTimeout must be positive and LockFile not empty.").ValidateOnStart();
        builder.Services.TryAddSingleton<PluginPackageManager>();
        builder.Services.TryAddSingleton<IPluginPackageManager>(sp => sp.GetRequiredService<PluginPackageManager>());
        return builder;
    }
}
