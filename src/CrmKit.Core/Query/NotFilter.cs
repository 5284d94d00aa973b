namespace CrmKit.Core.Query;

/// <summary><c>not (...)</c>.</summary>
/// <param name="Operand">The negated filter.</param>
public sealed record NotFilter(FilterNode Operand) : FilterNode;
