using System.Resources;
using CrmKit.Core.Localization;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Resources;

/// <summary>Core's localized messages (CoreMessages.resx, CoreMessages.ru.resx) and exception factories.</summary>
internal static class CoreMessages
{
    private static readonly ResourceManager Resources = new("CrmKit.Core.Resources.CoreMessages", typeof(CoreMessages).Assembly);

    public static LocalizedText Text(string key, params object?[] args) => ResourceText.Get(Resources, key, args);

    public static CrmError Error(string code, string pointer, params object?[] args) => new(code, pointer, Text(code, args));

    public static CrmException Exception(CrmErrorKind kind, string code, params object?[] args) =>
        new(kind, code, Text(code, args));

    public static CrmException ExceptionAt(CrmErrorKind kind, string code, string pointer, params object?[] args)
    {
        var text = Text(code, args);
        return new CrmException(kind, code, text, [new CrmError(code, pointer, text)]);
    }

    public static CrmException EntityNotFound(string entity) =>
        Exception(CrmErrorKind.NotFound, "entity.not_found", entity);

    public static CrmException RecordNotFound(string entity, Guid id) =>
        Exception(CrmErrorKind.NotFound, "record.not_found", entity, id);

    public static CrmException Validation(IReadOnlyList<CrmError> errors) =>
        new(CrmErrorKind.Validation, "validation.failed", Text("title.validation"), errors);
}
