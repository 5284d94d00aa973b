namespace CrmKit.Cli.Api;

/// <summary>One entry of a problem's <c>errors</c> array: which value failed, why, and the stable code.</summary>
internal sealed record ApiProblemError(string? Pointer, string? Code, string? Message);
