using CrmKit.AspNetCore.OpenApi;
using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmKit.AspNetCore;

/// <summary>Registers the services of the CrmKit REST API.</summary>
public static class CrmKitApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <see cref="CrmKitEndpointRouteBuilderExtensions.MapCrmKit"/> needs: the options, the default
    /// <see cref="IHttpPrincipalResolver"/> (kept if one is already registered), the OpenAPI document cache, and a
    /// middleware at the front of the pipeline that answers unknown addresses and escaped exceptions with problem
    /// details. The CrmKit services themselves come from <c>AddCrmKit()</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options, if given; hosts usually bind them from <c>CrmKit:Api</c> too.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddCrmKitApi(this IServiceCollection services, Action<CrmKitApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<CrmKitApiOptions>().ValidateDataAnnotations().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IHttpPrincipalResolver, DefaultHttpPrincipalResolver>();
        services.TryAddSingleton<OpenApiDocumentProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ProblemStartupFilter>());
        services.TryAddSingleton<CrmKitApiMarker>();
        return services;
    }
}
