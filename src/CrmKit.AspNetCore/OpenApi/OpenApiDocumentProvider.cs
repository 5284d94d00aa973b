using System.Text.Json;
using CrmKit.AspNetCore.Json;
using CrmKit.Core.Metadata;

namespace CrmKit.AspNetCore.OpenApi;

/// <summary>
/// Keeps the serialized OpenAPI document and builds it again when the metadata revision moves, so a field added at run
/// time shows up in the very next request.
/// </summary>
internal sealed class OpenApiDocumentProvider
{
    private Snapshot? _snapshot;

    /// <summary>
    /// The document; <paramref name="withPlugins"/> when the host maps the plugin state endpoints,
    /// <paramref name="withPluginPackages"/> when it maps the plugin package endpoints, <paramref name="withEditions"/> when
    /// it maps the edition endpoints (all fixed for a host's life).
    /// </summary>
    public byte[] GetDocument(IMetadataService metadata, bool withPlugins = false, bool withPluginPackages = false, bool withEditions = false)
    {
        // Read the revision before the entities: a change in between leaves a stale revision behind, which only
        // causes one extra rebuild, never a stale document served as current.
        var revision = metadata.Revision;
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Revision == revision)
        {
            return snapshot.Json;
        }

        var document = OpenApiDocumentBuilder.Build(metadata.GetEntities(), withPlugins, withPluginPackages, withEditions);
        var json = JsonSerializer.SerializeToUtf8Bytes(document, ApiJson.SerializerOptions);
        Volatile.Write(ref _snapshot, new Snapshot(revision, json));
        return json;
    }

    private sealed record Snapshot(long Revision, byte[] Json);
}
