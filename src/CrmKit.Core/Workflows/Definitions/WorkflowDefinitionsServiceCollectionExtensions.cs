using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrmKit.Core.Workflows;

/// <summary>Registers the workflow-definition services (called by <c>AddCrmKit</c>).</summary>
internal static class WorkflowDefinitionsServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IWorkflowDefinitionService"/>, <see cref="WorkflowRegistry"/> and its start-up loader and the refresher that loads other nodes' changes.</summary>
    public static IServiceCollection AddWorkflowDefinitions(this IServiceCollection services)
    {
        services.TryAddSingleton<WorkflowRegistry>();
        services.TryAddSingleton<WorkflowDocumentValidator>();
        services.TryAddSingleton<DefaultWorkflowDefinitionService>();
        services.TryAddSingleton<IWorkflowDefinitionService>(sp => sp.GetRequiredService<DefaultWorkflowDefinitionService>());
        services.AddHostedService<WorkflowRegistryInitializer>();
        services.AddHostedService<WorkflowDefinitionRefresher>();
        return services;
    }
}
