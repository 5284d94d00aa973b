using System.Text.Json.Nodes;
using CrmKit.Core.Resources;
using CrmKit.Core.Security;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Security;
using Microsoft.Extensions.Options;

namespace CrmKit.Core.Metadata;

/// <summary>
/// Reads and changes metadata. Changes are serialized in-process, validated, applied to schema, indexes and data in
/// one store transaction, and only then published to the <see cref="MetadataRegistry"/>.
/// </summary>
internal sealed partial class MetadataService(
    MetadataRegistry registry,
    EntityCompiler compiler,
    ICrmStore store,
    IOptions<CrmKitOptions> options,
    TimeProvider clock,
    IAccessControl access) : IMetadataService, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CrmKitOptions _options = options.Value;

    public long Revision => registry.Revision;

    public void Dispose() => _gate.Dispose();

    public IReadOnlyList<EntityDefinition> GetEntities() => registry.All.Select(e => e.Definition).ToList();

    public EntityDefinition GetEntity(string entity) => registry.Get(entity).Definition;

    public EntityDefinition CheckEntityDocument(JsonObject schema, bool allowUnknownFieldTypes)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var document = (JsonObject)schema.DeepClone();
        if (allowUnknownFieldTypes && document["properties"] is JsonObject properties)
        {
            // A field of a type no module registers yet is checked when its module is there; here it stands as json.
            foreach (var (name, field) in properties.ToList())
            {
                if (field is JsonObject definition && definition[CrmSchemaKeywords.Type] is JsonValue type &&
                    type.TryGetValue(out string? typeName) && !compiler.Normalizer.TryGetType(typeName, definition, false, out _))
                {
                    properties[name] = new JsonObject { [CrmSchemaKeywords.Type] = "json" };
                }
            }
        }

        return compiler.Compile(document, 1).Definition;
    }

    public async Task<IReadOnlyList<MetadataVersionInfo>> GetHistoryAsync(string entity, CancellationToken cancellationToken = default)
    {
        registry.Get(entity);
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var versions = await session.GetSchemaHistoryAsync(entity, cancellationToken);
        return versions
            .Select(v => new MetadataVersionInfo(v.Entity, v.Version, v.ChangedAt, v.ChangedBy, (JsonArray)JsonNode.Parse(v.Diff)!))
            .ToList();
    }

    public async Task<EntityDefinition> CreateEntityAsync(
        CrmPrincipal principal, JsonObject schema, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(schema);
        access.DemandPrivilege(principal, CrmPrivileges.MetadataManage);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var created = await CreateEntitiesAsync(principal, [(schema, null)], cancellationToken);
            return created[0].Definition;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates several entities in one transaction (they may reference each other). Caller holds the gate.</summary>
    internal async Task<IReadOnlyList<CompiledEntity>> CreateEntitiesAsync(
        CrmPrincipal principal, IReadOnlyList<(JsonObject Schema, string? Owner)> documents, CancellationToken cancellationToken)
    {
        var compiled = new List<CompiledEntity>();
        foreach (var (schema, owner) in documents)
        {
            var entity = compiler.Compile(schema, 1, owner);
            if (registry.Contains(entity.Name) || compiled.Any(c => c.Name == entity.Name))
            {
                throw CoreMessages.ExceptionAt(CrmErrorKind.Conflict, "metadata.entity_exists", "/" + CrmSchemaKeywords.Entity, entity.Name);
            }

            compiled.Add(entity);
        }

        var names = compiled.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entity in compiled)
        {
            CheckLookupTargets(entity, names);
        }

        await using var session = await store.BeginAsync(write: true, cancellationToken);
        foreach (var entity in compiled)
        {
            await SaveVersionAsync(session, principal, entity, [new JsonObject { ["op"] = "create" }], cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        compiled.ForEach(registry.Set);
        return compiled;
    }

    private void CheckLookupTargets(CompiledEntity entity, HashSet<string>? alsoKnown = null)
    {
        foreach (var field in entity.LookupFields)
        {
            var target = field.Lookup!.TargetEntity;
            if (!registry.Contains(target) && target != entity.Name && alsoKnown?.Contains(target) != true)
            {
                throw CoreMessages.ExceptionAt(CrmErrorKind.BadRequest, "metadata.lookup_target_missing",
                    "/properties/" + field.Name + "/" + CrmSchemaKeywords.Lookup, target);
            }
        }
    }

    private async Task SaveVersionAsync(
        ICrmStoreSession session, CrmPrincipal principal, CompiledEntity entity, JsonArray diff, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveSchemaAsync(new StoredSchema
            {
                Entity = entity.Name,
                Version = entity.Version,
                Schema = entity.Definition.GetSchema().ToJsonString(),
                ChangedAt = clock.GetUtcNow(),
                ChangedBy = principal.UserId,
                Diff = diff.ToJsonString(),
            }, cancellationToken);
        }
        catch (MetadataConcurrencyException)
        {
            throw CoreMessages.Exception(CrmErrorKind.Conflict, "metadata.changed_concurrently", entity.Name);
        }

        await session.EnsureEntityStorageAsync(entity.Storage, cancellationToken);
    }

    private async Task<T> GatedAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await action();
        }
        finally
        {
            _gate.Release();
        }
    }
}
