using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Modules;

/// <summary>How <see cref="CrmModuleHost.ActivateAsync"/> activates one module.</summary>
public sealed class ModuleActivationOptions
{
    /// <summary>
    /// Builds the module's private service provider from the services it registered (plus those the host shares with
    /// it). The plugin runtime passes the default Microsoft.Extensions.DependencyInjection factory.
    /// </summary>
    public required IServiceProviderFactory<IServiceCollection> ServiceProviderFactory { get; init; }

    /// <summary>Qualified names (<c>kind:name</c>) the module may take over from their current owner.</summary>
    public IReadOnlyCollection<string> Replaces { get; init; } = [];

    /// <summary>
    /// Qualified names the module decorates: it takes them over and receives the original as a keyed service whose key
    /// is the qualified name (field types: through the registry during Configure).
    /// </summary>
    public IReadOnlyCollection<string> Decorates { get; init; } = [];

    /// <summary>How long registering and starting may take before the module is failed (default 10 seconds).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Adds host services the module may use beyond the default shared set (see <see cref="CrmModuleHost"/>).</summary>
    public Action<IServiceCollection>? ShareServices { get; init; }
}
