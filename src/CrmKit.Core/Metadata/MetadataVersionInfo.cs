using System.Text.Json.Nodes;

namespace CrmKit.Core.Metadata;

/// <summary>One version in an entity's metadata history.</summary>
/// <param name="Entity">The entity.</param>
/// <param name="Version">The version.</param>
/// <param name="ChangedAt">When it was made.</param>
/// <param name="ChangedBy">Who made it.</param>
/// <param name="Diff">What changed: an array of <c>{"op": "add|change|remove|create|restore|rename", "field": ..., "before": ..., "after": ...}</c> (a rename: <c>"to"</c> and <c>"movedValues"</c>).</param>
public sealed record MetadataVersionInfo(string Entity, long Version, DateTimeOffset ChangedAt, string ChangedBy, JsonArray Diff);
