namespace CrmKit.Core.Editions;

/// <summary>A workflow, template, seed record or setting an edition adds, replaces or keeps.</summary>
/// <param name="Name">The item's name.</param>
/// <param name="Action"><c>add</c>, <c>replace</c>, <c>create</c>, <c>set</c> or <c>keep</c>.</param>
public sealed record EditionItemChange(string Name, string Action);
