namespace CrmKit.Core.Query;

/// <summary><c>field has 'x'</c>: a multi-enum field's array contains the value.</summary>
/// <param name="Field">The multi-enum field.</param>
/// <param name="Value">The option value.</param>
public sealed record HasFilter(FieldReference Field, string Value) : FilterNode;
