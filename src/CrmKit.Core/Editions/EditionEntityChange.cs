namespace CrmKit.Core.Editions;

/// <summary>An entity an edition creates or changes.</summary>
/// <param name="Entity">The entity name.</param>
/// <param name="Action"><c>create</c>, <c>update</c> or <c>keep</c>.</param>
/// <param name="Fields">The field changes (empty for <c>keep</c>).</param>
public sealed record EditionEntityChange(string Entity, string Action, IReadOnlyList<EditionFieldChange> Fields);
