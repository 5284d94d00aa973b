using Microsoft.Extensions.Hosting;

namespace CrmKit.Core.Modules;

/// <summary>A module activated at run time: what it registered, and its private services.</summary>
public sealed class ModuleActivation
{
    internal ModuleActivation(string moduleId, IReadOnlyList<string> registered, IServiceProvider services, IReadOnlyList<IHostedService> hostedServices)
    {
        ModuleId = moduleId;
        Registered = registered;
        Services = services;
        HostedServices = hostedServices;
    }

    /// <summary>The module id.</summary>
    public string ModuleId { get; }

    /// <summary>What it registered, as <c>kind:name</c>, in registration order.</summary>
    public IReadOnlyList<string> Registered { get; }

    /// <summary>The module's private service provider (disposed when the module is deactivated).</summary>
    public IServiceProvider Services { get; }

    internal IReadOnlyList<IHostedService> HostedServices { get; }
}
