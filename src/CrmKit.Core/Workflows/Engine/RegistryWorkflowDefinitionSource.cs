using System.Collections.Concurrent;
using CrmKit.Sdk.Errors;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>
/// The engine's view of the definitions: the in-memory <see cref="WorkflowRegistry"/> on the hot path, the
/// definition service for pinned versions (cached: a stored version never changes).
/// </summary>
internal sealed class RegistryWorkflowDefinitionSource(WorkflowRegistry registry, IWorkflowDefinitionService service)
    : IWorkflowDefinitionSource
{
    private readonly ConcurrentDictionary<(string, long), WorkflowDefinition> _versions = new();

    public IReadOnlyList<WorkflowDefinition> All => registry.All;

    public IReadOnlyList<WorkflowDefinition> Find(string triggerType, string? entity) => registry.For(triggerType, entity);

    public async Task<WorkflowDefinition?> GetAsync(string name, long? version, CancellationToken cancellationToken)
    {
        if (version is { } v && _versions.TryGetValue((name, v), out var cached))
        {
            return cached;
        }

        if (version is null && registry.Find(name) is { } current)
        {
            return current;
        }

        try
        {
            var definition = await service.GetAsync(name, version, cancellationToken);
            if (version is not null)
            {
                _versions[(name, definition.Version)] = definition;
            }

            return definition;
        }
        catch (CrmException e) when (e.Kind == CrmErrorKind.NotFound)
        {
            return null;
        }
    }
}
