namespace CrmKit.Core.Query;

/// <summary><c>contains(field, 'x')</c>, <c>startswith(...)</c>, <c>endswith(...)</c> on text fields.</summary>
/// <param name="Field">The text field.</param>
/// <param name="Kind">How to match.</param>
/// <param name="Value">The text to look for; stores must treat it literally (no wildcards).</param>
public sealed record TextMatchFilter(FieldReference Field, TextMatchKind Kind, string Value) : FilterNode;
