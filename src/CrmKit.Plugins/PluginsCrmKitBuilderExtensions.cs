using CrmKit.Core;
using CrmKit.Core.Plugins;
using CrmKit.Plugins.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CrmKit.Plugins;

/// <summary>Adds the plugin runtime to a CrmKit host.</summary>
public static class PluginsCrmKitBuilderExtensions
{
    /// <summary>
    /// Adds the plugin runtime: at start-up it reads the manifests in the plugins folder (default <c>plugins/</c> under
    /// the content root) and of the plugins added in code, plans them, loads each into its own collectible load context
    /// and registers its extensions; afterwards it watches the folder and serves <see cref="IPluginManager"/>. Call it
    /// after choosing the store, so that the store is ready before plugins start.
    /// </summary>
    /// <param name="builder">The CrmKit builder.</param>
    /// <param name="configure">Configures <see cref="PluginRuntimeOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static CrmKitBuilder AddPlugins(this CrmKitBuilder builder, Action<PluginRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<PluginRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.StartTimeout > TimeSpan.Zero && o.WatchDelay >= TimeSpan.Zero,
            "CrmKit:Plugins:StartTimeout must be positive and WatchDelay not negative.").ValidateOnStart();
        builder.Services.TryAddSingleton<PluginStateStore>();
        builder.Services.TryAddSingleton<PluginRuntime>();
        builder.Services.TryAddSingleton<IPluginManager>(sp => sp.GetRequiredService<PluginRuntime>());
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<PluginRuntime>());
        return builder;
    }
}
