using Microsoft.Extensions.Hosting;

namespace CrmKit.Core.Workflows;

/// <summary>Loads the stored workflows into <see cref="WorkflowRegistry"/> at start-up, after the store is initialized.</summary>
internal sealed class WorkflowRegistryInitializer(DefaultWorkflowDefinitionService definitions) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => definitions.LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
