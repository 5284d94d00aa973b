using CrmKit.AspNetCore.OpenApi;
using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmKit.AspNetCore;

/// <summary>Registers the services of the CrmKit REST API.</summary>
public static class CrmKitApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <see cref="CrmKitEndpointRouteBuilderExtensions.MapCrmKit"/> needs: the options, CrmKit's
    /// authentication (API keys, and JWT bearer tokens when <see cref="CrmKitJwtOptions.SigningKeys"/> are configured),
    /// the default <see cref="IHttpPrincipalResolver"/> (kept if one is already registered), the OpenAPI document cache,
    /// and middleware at the front of the pipeline: problem details for unknown addresses and escaped exceptions,
    /// security headers, authentication and the per-caller rate limit. The CrmKit services themselves come from
    /// <c>AddCrmKit()</c>.
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

        services.AddOptions<CrmKitJwtOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CrmKitJwtOptions>, CrmKitJwtOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>());
        services.AddAuthentication()
            .AddPolicyScheme(CrmKitAuthentication.Scheme, CrmKitAuthentication.Scheme, o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CrmKitAuthentication.ApiKeyScheme, null)
            .AddJwtBearer(CrmKitAuthentication.JwtScheme, _ => { });
        services.TryAddSingleton<IHttpPrincipalResolver, DefaultHttpPrincipalResolver>();
        services.TryAddSingleton<OpenApiDocumentProvider>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ProblemStartupFilter>());
        services.TryAddSingleton<CrmKitApiMarker>();
        return services;
    }

    /// <summary>API keys go to the key scheme; other bearer tokens to the JWT scheme when it has signing keys.</summary>
    private static string SelectScheme(Microsoft.AspNetCore.Http.HttpContext context)
    {
        if (ApiKeyAuthenticationHandler.FindKey(context.Request) is not null)
        {
            return CrmKitAuthentication.ApiKeyScheme;
        }

        var jwt = context.RequestServices.GetRequiredService<IOptions<CrmKitJwtOptions>>().Value;
        return jwt.SigningKeys.Count > 0 && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? CrmKitAuthentication.JwtScheme
            : CrmKitAuthentication.ApiKeyScheme;
    }
}
