using CrmKit.Sdk.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CrmKit.Plugins.Loading;

/// <summary>
/// The assemblies a plugin shares with the host: the SDK surface, and nothing else. Types crossing the boundary
/// between host and plugin (the module, the builder, service collections, loggers, options, change tokens,
/// configuration, hosted services) must be the host's own, so these always resolve from the host's default load
/// context, whatever copy a plugin folder carries. Everything else a plugin ships (Newtonsoft.Json, an HTTP client
/// library, ...) loads privately into the plugin's own collectible context, so two plugins may use two majors of a
/// library side by side.
/// </summary>
/// <remarks>
/// The list: CrmKit.Sdk, Microsoft.Extensions.DependencyInjection.Abstractions, Microsoft.Extensions.Logging.Abstractions,
/// Microsoft.Extensions.Options, Microsoft.Extensions.Primitives, Microsoft.Extensions.Configuration.Abstractions and
/// Microsoft.Extensions.Hosting.Abstractions. McMaster.NETCore.Plugins also shares the assemblies these reference.
/// The .NET shared framework (System.*) always comes from the host.
/// </remarks>
internal static class PluginSharedTypes
{
    /// <summary>One type from each shared assembly, as McMaster's <c>sharedTypes</c> expects.</summary>
    public static Type[] Types { get; } =
    [
        typeof(ICrmModule),
        typeof(IServiceCollection),
        typeof(ILogger),
        typeof(IOptions<>),
        typeof(IChangeToken),
        typeof(IConfiguration),
        typeof(IHostedService),
    ];

    /// <summary>The simple names of the shared assemblies.</summary>
    public static IReadOnlySet<string> AssemblyNames { get; } =
        Types.Select(t => t.Assembly.GetName().Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The simple name of the SDK assembly.</summary>
    public static string SdkAssemblyName { get; } = typeof(ICrmModule).Assembly.GetName().Name!;
}
