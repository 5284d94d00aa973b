namespace CrmKit.Core.Query;

/// <summary>A comparison. <c>eq null</c> means "has no value"; <c>ne</c> also matches records without a value.</summary>
public enum ComparisonOperator
{
    /// <summary>Equal.</summary>
    Eq = 0,

    /// <summary>Not equal (null-safe: records without a value match).</summary>
    Ne = 1,

    /// <summary>Greater than.</summary>
    Gt = 2,

    /// <summary>Greater than or equal.</summary>
    Ge = 3,

    /// <summary>Less than.</summary>
    Lt = 4,

    /// <summary>Less than or equal.</summary>
    Le = 5,
}
