namespace CrmKit.Core.Templates;

/// <summary>The stable codes of template failures.</summary>
public static class TemplateErrorCodes
{
    /// <summary>The source does not parse (400); the error carries <c>line</c> and <c>column</c> (1-based).</summary>
    public const string Syntax = "template.syntax";

    /// <summary>A sandbox limit was broken (400); the problem's <c>limit</c> names it (loop, recursion, output, ...).</summary>
    public const string LimitExceeded = "template.limit_exceeded";

    /// <summary>Rendering took longer than <see cref="TemplateOptions.TimeLimit"/> (400).</summary>
    public const string Timeout = "template.timeout";

    /// <summary>No template with that name (in any locale) exists (404).</summary>
    public const string NotFound = "template.not_found";

    /// <summary>Rendering failed for another reason, such as an unknown function (400).</summary>
    public const string RenderFailed = "template.render_failed";

    /// <summary>The name, kind or locale of a template being saved is not valid (400).</summary>
    public const string Invalid = "template.invalid";

    /// <summary>The template was saved by someone else since the caller read it (409).</summary>
    public const string VersionConflict = "template.version_conflict";
}
