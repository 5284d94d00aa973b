using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Errors;

/// <summary>One problem with a request: a stable code, where it is (a JSON pointer) and a localized message.</summary>
/// <param name="Code">A stable, dotted, machine-readable code such as <c>field.required</c>.</param>
/// <param name="Pointer">A JSON pointer (RFC 6901) to the offending value, or an empty string for the whole request.</param>
/// <param name="Message">The human-readable message in the supported languages.</param>
public sealed record CrmError(string Code, string Pointer, LocalizedText Message);
