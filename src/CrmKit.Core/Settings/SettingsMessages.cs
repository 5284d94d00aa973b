using System.Resources;
using CrmKit.Core.Localization;
using CrmKit.JsonSchema;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Settings;

/// <summary>The settings messages (SettingsMessages.resx, SettingsMessages.ru.resx) and exception factories.</summary>
internal static class SettingsMessages
{
    private static readonly ResourceManager Resources = new("CrmKit.Core.Settings.SettingsMessages", typeof(SettingsMessages).Assembly);

    public static LocalizedText Text(string key, params object?[] args) => ResourceText.Get(Resources, key, args);

    public static CrmException ModuleNotFound(string moduleId) =>
        new(CrmErrorKind.NotFound, SettingsErrorCodes.ModuleNotFound, Text(SettingsErrorCodes.ModuleNotFound, moduleId));

    public static CrmException VersionConflict(string moduleId, long current, long expected)
    {
        var exception = new CrmException(
            CrmErrorKind.Conflict,
            SettingsErrorCodes.VersionConflict,
            Text(SettingsErrorCodes.VersionConflict, moduleId, current, expected));
        exception.Extensions["currentVersion"] = current;
        return exception;
    }

    public static CrmException Invalid(string moduleId, IReadOnlyList<CrmError> errors) =>
        new(CrmErrorKind.BadRequest, SettingsErrorCodes.Invalid, Text(SettingsErrorCodes.Invalid, moduleId), errors);

    public static CrmException InvalidSchema(string moduleId, SchemaDefinitionException cause)
    {
        var text = Text(SettingsErrorCodes.InvalidSchema, moduleId, cause.Code, cause.Keyword, cause.Pointer, cause.Message);
        return new CrmException(
            CrmErrorKind.BadRequest,
            SettingsErrorCodes.InvalidSchema,
            text,
            [new CrmError(string.IsNullOrEmpty(cause.Code) ? SettingsErrorCodes.InvalidSchema : cause.Code, cause.Pointer, text)],
            cause);
    }

    public static CrmError UnknownProperty(string pointer, string name) =>
        new(SettingsErrorCodes.UnknownProperty, pointer, Text(SettingsErrorCodes.UnknownProperty, name));
}
