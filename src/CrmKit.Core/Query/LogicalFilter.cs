namespace CrmKit.Core.Query;

/// <summary><c>a and b and ...</c> or <c>a or b or ...</c>.</summary>
/// <param name="Operator">And or or.</param>
/// <param name="Operands">Two or more operands.</param>
public sealed record LogicalFilter(LogicalOperator Operator, IReadOnlyList<FilterNode> Operands) : FilterNode;
