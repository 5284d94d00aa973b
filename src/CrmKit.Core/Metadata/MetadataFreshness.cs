using System.Text.Json.Nodes;
using CrmKit.Core.Resources;
using CrmKit.Core.Storage;
using CrmKit.Sdk.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmKit.Core.Metadata;

/// <summary>
/// Keeps this node's <see cref="MetadataRegistry"/> in step with the store when several nodes share one database: a
/// write checks, inside its transaction, that the entity's stored schema version is the one it validated with, and
/// <see cref="RefreshAsync"/> (polled by <see cref="MetadataRefresher"/>) loads versions other nodes committed.
/// </summary>
internal sealed partial class MetadataFreshness(
    MetadataRegistry registry, EntityCompiler compiler, ICrmStore store, ILogger<MetadataFreshness>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>
    /// Refuses a write validated against a schema version that is no longer the stored one, after loading the stored
    /// versions, so that the client's retry is validated against the current schema. Runs in the write transaction,
    /// which a metadata change on any node cannot interleave with on the records it touches.
    /// </summary>
    public async Task EnsureCurrentAsync(ICrmStoreSession session, CompiledEntity compiled, CancellationToken cancellationToken)
    {
        var stored = await session.GetSchemaVersionAsync(compiled.Name, cancellationToken);
        if (stored == compiled.Version)
        {
            return;
        }

        await LoadChangedAsync(session, cancellationToken);
        throw CoreMessages.Exception(CrmErrorKind.Conflict, "metadata.stale", compiled.Name, compiled.Version, stored ?? 0);
    }

    /// <summary>Loads the entities whose stored version is newer than this node's (a cheap poll when none is).</summary>
    /// <returns>How many entities were reloaded.</returns>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var versions = await session.GetSchemaVersionsAsync(cancellationToken);
        foreach (var (entity, version) in versions)
        {
            if (!registry.TryGet(entity, out var current) || current.Version < version)
            {
                return await LoadChangedAsync(session, cancellationToken);
            }
        }

        return 0;
    }

    private async Task<int> LoadChangedAsync(ICrmStoreSession session, CancellationToken cancellationToken)
    {
        var loaded = 0;
        foreach (var stored in await session.LoadSchemasAsync(cancellationToken))
        {
            if (registry.TryGet(stored.Entity, out var current) && current.Version >= stored.Version)
            {
                continue;
            }

            try
            {
                var compiled = compiler.Compile((JsonObject)JsonNode.Parse(stored.Schema)!, stored.Version, stored: true);
                if (registry.SetIfNewer(compiled))
                {
                    loaded++;
                    LogReloaded(_logger, stored.Entity, stored.Version);
                }
            }
            catch (CrmException e)
            {
                // Say a field type from a plugin this node does not load: the entity stays at the version this node has.
                LogUnloadable(_logger, e, stored.Entity, stored.Version);
            }
        }

        return loaded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded version {Version} of entity {Entity}, changed by another node.")]
    private static partial void LogReloaded(ILogger logger, string entity, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Version {Version} of entity {Entity}, changed by another node, cannot be compiled here; the entity stays at its previous version on this node.")]
    private static partial void LogUnloadable(ILogger logger, Exception exception, string entity, long version);
}
