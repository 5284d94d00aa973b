using CrmKit.AspNetCore.Endpoints;
using CrmKit.AspNetCore.Problems;
using CrmKit.AspNetCore.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.AspNetCore;

/// <summary>Maps the CrmKit REST API.</summary>
public static class CrmKitEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every endpoint of the CrmKit REST API (docs/rest-api.md): <c>GET /health</c>,
    /// <c>/api/metadata/entities/...</c>, <c>GET /api/metadata/field-types</c>, <c>/api/records/{entity}/...</c>,
    /// <c>/api/plugins/{id}/settings[/schema]</c>, <c>/api/plugins[/{id}[/enable|disable|reload]]</c> and
    /// <c>/api/plugins/scan</c> (when the host has a plugin runtime),
    /// <c>GET /api/integrations/egrul/{innOrOgrn}</c> (through the loaded registry-lookup plugin),
    /// <c>GET /api/integrations/accounting/{format}/export</c>, <c>GET|POST /api/ext/{name}</c> (modules' HTTP endpoints),
    /// <c>/api/channels/{instance}/webhook</c> and <c>/api/channels/{instance}/messages</c> (message channel instances)
    /// and <c>GET /openapi/v1.json</c>. Failures of
    /// these endpoints are answered with RFC 7807 problem details.
    /// </summary>
    /// <param name="endpoints">The application or a route group to map into.</param>
    /// <returns>The route group holding the endpoints, to add metadata or filters (authorization, rate limits...).</returns>
    /// <exception cref="InvalidOperationException"><c>AddCrmKitApi()</c> was not called.</exception>
    public static RouteGroupBuilder MapCrmKit(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<CrmKitApiMarker>() is null)
        {
            throw new InvalidOperationException(
                "MapCrmKit() needs the CrmKit API services: call services.AddCrmKitApi() (and services.AddCrmKit()) first.");
        }

        var group = endpoints.MapGroup(string.Empty);
        group.AddEndpointFilter<ProblemEndpointFilter>();
        group.AddEndpointFilter<CrmKitAccessFilter>();
        group.WithMetadata(endpoints.ServiceProvider.GetRequiredService<CrmKitApiMarker>());
        HealthEndpoints.Map(group);
        MetadataEndpoints.Map(group);
        IndexBuildEndpoints.Map(group);
        FieldTypeEndpoints.Map(group);
        RecordEndpoints.Map(group);
        RecordHistoryEndpoints.Map(group);
        AttachmentEndpoints.Map(group);
        FileMigrationEndpoints.Map(group);
        RecordExportEndpoints.Map(group);
        SecurityEndpoints.Map(group);
        ApiKeyEndpoints.Map(group);
        PluginSettingsEndpoints.Map(group);
        PluginEndpoints.Map(group);
        PluginPackageEndpoints.Map(group);
        EditionEndpoints.Map(group);
        OutboxEndpoints.Map(group);
        TemplateEndpoints.Map(group);
        WorkflowEndpoints.Map(group);
        WorkflowRunEndpoints.Map(group);
        RegistryLookupEndpoints.Map(group);
        AccountingExportEndpoints.Map(group);
        ExtensionHttpEndpoints.Map(group);
        ChannelEndpoints.Map(group);
        OpenApiEndpoints.Map(group);
        return group;
    }
}
