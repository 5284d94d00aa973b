namespace CrmKit.Core.Storage;

/// <summary>One version of an entity's JSON Schema document, with who changed it, when and how.</summary>
public sealed class StoredSchema
{
    /// <summary>The entity name.</summary>
    public required string Entity { get; init; }

    /// <summary>The version, starting at 1.</summary>
    public required long Version { get; init; }

    /// <summary>The whole document as JSON text.</summary>
    public required string Schema { get; init; }

    /// <summary>When the version was made (UTC).</summary>
    public required DateTimeOffset ChangedAt { get; init; }

    /// <summary>Who made it.</summary>
    public required string ChangedBy { get; init; }

    /// <summary>A JSON array text describing the change (see docs/metadata.md, "History").</summary>
    public required string Diff { get; init; }
}
