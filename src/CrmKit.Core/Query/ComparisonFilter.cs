namespace CrmKit.Core.Query;

/// <summary><c>field op value</c>.</summary>
/// <param name="Field">The field.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">
/// The typed value: null, <see cref="string"/> (text, enum, dates as <c>yyyy-MM-dd</c>, instants in the canonical
/// UTC form, ids in "D" form), <see cref="long"/>, <see cref="decimal"/> or <see cref="bool"/>.
/// </param>
public sealed record ComparisonFilter(FieldReference Field, ComparisonOperator Operator, object? Value) : FilterNode;
