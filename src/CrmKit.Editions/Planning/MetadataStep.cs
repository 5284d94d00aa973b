using System.Text.Json.Nodes;

namespace CrmKit.Editions.Planning;

/// <summary>One metadata operation of an edition plan, in the order it is applied.</summary>
internal abstract record MetadataStep(string Entity)
{
    /// <summary>Create an entity from the edition's document.</summary>
    public sealed record CreateEntity(string Entity, JsonObject Document, string File) : MetadataStep(Entity);

    /// <summary>Rename a field (a declared migration).</summary>
    public sealed record RenameField(string Entity, string From, string To) : MetadataStep(Entity);

    /// <summary>Add a field.</summary>
    public sealed record AddField(string Entity, string Field, JsonObject Schema, bool Required, string File) : MetadataStep(Entity);

    /// <summary>Change a field's definition.</summary>
    public sealed record ChangeField(string Entity, string Field, JsonObject Schema, bool Required, string File) : MetadataStep(Entity);

    /// <summary>Remove a field the previous version declared; its values are archived.</summary>
    public sealed record ArchiveField(string Entity, string Field) : MetadataStep(Entity);
}
