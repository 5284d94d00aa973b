using System.Text.Json.Nodes;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Sdk.Pipeline;

/// <summary>What a record hook sees. New members may be added; hooks take this one argument so they keep working.</summary>
public sealed class RecordHookContext
{
    /// <summary>The operation.</summary>
    public required RecordOperation Operation { get; init; }

    /// <summary>For <see cref="RecordOperation.Message"/>: the message name; null for other operations.</summary>
    public string? MessageName { get; init; }

    /// <summary>The stage running.</summary>
    public required PipelineStage Stage { get; init; }

    /// <summary>The entity, at the metadata version the operation validates against.</summary>
    public required EntityDefinition Entity { get; init; }

    /// <summary>The record id.</summary>
    public required Guid RecordId { get; init; }

    /// <summary>The record before the operation; null on create.</summary>
    public CrmRecord? PreImage { get; init; }

    /// <summary>
    /// The field values the operation will store (all fields, merged with the pre-image). PreValidation and
    /// PreOperation hooks may change them; later stages see them read-only. For a message it is a copy of the current
    /// values: the message's handler makes the writes, so changing it has no effect.
    /// </summary>
    public required JsonObject Target { get; init; }

    /// <summary>The record after the write; set in PostOperation and PostCommit.</summary>
    public CrmRecord? PostImage { get; set; }

    /// <summary>The fields whose values the operation changes.</summary>
    public required IReadOnlySet<string> ChangedFields { get; init; }

    /// <summary>Who is acting.</summary>
    public required CrmPrincipal Principal { get; init; }

    /// <summary>How deep the pipeline is nested: 1 for a direct call, 2 for a write made by a hook, and so on.</summary>
    public required int Depth { get; init; }

    /// <summary>Services of the current scope.</summary>
    public required IServiceProvider Services { get; init; }

    /// <summary>State shared by the hooks of one operation.</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
