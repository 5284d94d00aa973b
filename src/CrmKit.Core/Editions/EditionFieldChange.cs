namespace CrmKit.Core.Editions;

/// <summary>A field an edition adds, changes, renames or archives.</summary>
/// <param name="Field">The field name (the new name for a rename).</param>
/// <param name="Action"><c>add</c>, <c>change</c>, <c>rename</c> or <c>archive</c> (removed from the edition: the field is removed and its values archived).</param>
/// <param name="From">The old name, for a rename.</param>
public sealed record EditionFieldChange(string Field, string Action, string? From = null);
