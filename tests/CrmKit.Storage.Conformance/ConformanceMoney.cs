namespace CrmKit.Storage.Conformance;

/// <summary>A money value for <see cref="ConformanceJson.Object"/>: <c>{"amount": ..., "currency": ...}</c>.</summary>
/// <param name="Amount">The amount, written exactly.</param>
/// <param name="Currency">The ISO 4217 code.</param>
public sealed record ConformanceMoney(decimal Amount, string Currency);
