namespace CrmKit.Core.Query;

/// <summary>How the operands of a <see cref="LogicalFilter"/> combine.</summary>
public enum LogicalOperator
{
    /// <summary>All operands hold.</summary>
    And = 0,

    /// <summary>At least one operand holds.</summary>
    Or = 1,
}
