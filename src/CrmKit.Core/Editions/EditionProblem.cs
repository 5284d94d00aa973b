namespace CrmKit.Core.Editions;

/// <summary>Something that prevents an edition from being installed.</summary>
/// <param name="Code">A stable code, <c>edition.*</c> (or <c>plugin_package.*</c> for a plugin problem).</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="File">The file of the edition package at fault (for example <c>entities/deal.schema.json</c>), if any.</param>
/// <param name="Path">The JSON pointer inside that file, if any.</param>
public sealed record EditionProblem(string Code, string Message, string? File = null, string? Path = null);
