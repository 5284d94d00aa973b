using System.Resources;
using CrmKit.Core.Localization;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Templates;

/// <summary>The template messages (TemplateMessages.resx, TemplateMessages.ru.resx) and exception factories.</summary>
internal static class TemplateMessages
{
    private static readonly ResourceManager Resources = new("CrmKit.Core.Templates.TemplateMessages", typeof(TemplateMessages).Assembly);

    public static LocalizedText Text(string key, params object?[] args) => ResourceText.Get(Resources, key, args);

    public static CrmException NotFound(string name) =>
        new(CrmErrorKind.NotFound, TemplateErrorCodes.NotFound, Text(TemplateErrorCodes.NotFound, name));

    public static CrmException RecordNotFound(string entity, Guid id) =>
        new(CrmErrorKind.NotFound, "record.not_found", Text("template.record_not_found", entity, id));

    public static CrmException Syntax(string name, IReadOnlyList<(string Message, int Line, int Column)> messages)
    {
        var errors = messages
            .Select(m => new CrmError(TemplateErrorCodes.Syntax, "/source", Text("template.syntax_error", m.Message, m.Line, m.Column)))
            .ToList();
        var exception = new CrmException(CrmErrorKind.BadRequest, TemplateErrorCodes.Syntax, Text(TemplateErrorCodes.Syntax, name), errors);
        if (messages.Count > 0)
        {
            exception.Extensions["line"] = messages[0].Line;
            exception.Extensions["column"] = messages[0].Column;
        }

        return exception;
    }

    public static CrmException LimitExceeded(string name, string limit, string detail, Exception cause)
    {
        var exception = new CrmException(
            CrmErrorKind.BadRequest, TemplateErrorCodes.LimitExceeded, Text(TemplateErrorCodes.LimitExceeded, name, limit, detail), null, cause);
        exception.Extensions["limit"] = limit;
        return exception;
    }

    public static CrmException Timeout(string name, TimeSpan limit, Exception cause)
    {
        var exception = new CrmException(
            CrmErrorKind.BadRequest, TemplateErrorCodes.Timeout, Text(TemplateErrorCodes.Timeout, name, (long)limit.TotalMilliseconds), null, cause);
        exception.Extensions["limit"] = "time";
        return exception;
    }

    public static CrmException RenderFailed(string name, int line, int column, string detail, Exception cause)
    {
        var exception = new CrmException(
            CrmErrorKind.BadRequest, TemplateErrorCodes.RenderFailed, Text(TemplateErrorCodes.RenderFailed, name, line, column, detail), null, cause);
        exception.Extensions["line"] = line;
        exception.Extensions["column"] = column;
        return exception;
    }

    public static CrmException Invalid(IReadOnlyList<CrmError> errors) =>
        new(CrmErrorKind.BadRequest, TemplateErrorCodes.Invalid, Text(TemplateErrorCodes.Invalid), errors);

    public static CrmException VersionConflict(string name, string locale, long current, long expected)
    {
        var exception = new CrmException(
            CrmErrorKind.Conflict, TemplateErrorCodes.VersionConflict, Text(TemplateErrorCodes.VersionConflict, name, locale, current, expected));
        exception.Extensions["currentVersion"] = current;
        return exception;
    }
}
