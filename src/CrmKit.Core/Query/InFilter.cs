namespace CrmKit.Core.Query;

/// <summary><c>field in (v1, v2, ...)</c>; the values are typed as for <see cref="ComparisonFilter"/>, never null.</summary>
/// <param name="Field">The field.</param>
/// <param name="Values">One or more values.</param>
public sealed record InFilter(FieldReference Field, IReadOnlyList<object> Values) : FilterNode;
