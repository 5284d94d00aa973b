namespace CrmKit.Core.Query;

/// <summary>
/// <c>not (...)</c>. Two-valued: a record without a value for the compared field matches <c>not (x gt 5)</c>,
/// consistent with <see cref="ComparisonOperator.Ne"/>; every provider must behave the same.
/// </summary>
/// <param name="Operand">The negated filter.</param>
public sealed record NotFilter(FilterNode Operand) : FilterNode;
