using System.Resources;
using CrmKit.Core.Localization;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Security;

/// <summary>The security layer's localized messages (SecurityMessages.resx, .ru.resx) and exception factories.</summary>
internal static class SecurityMessages
{
    private static readonly ResourceManager Resources = new("CrmKit.Core.Security.SecurityMessages", typeof(SecurityMessages).Assembly);

    public static LocalizedText Text(string key, params object?[] args) => ResourceText.Get(Resources, key, args);

    public static CrmError Error(string code, string pointer, params object?[] args) => new(code, pointer, Text(code, args));

    public static CrmException Exception(CrmErrorKind kind, string code, params object?[] args) => new(kind, code, Text(code, args));

    public static CrmException ExceptionAt(CrmErrorKind kind, string code, string pointer, params object?[] args)
    {
        var text = Text(code, args);
        return new CrmException(kind, code, text, [new CrmError(code, pointer, text)]);
    }

    /// <summary>The localized word for a kind of directory object (<c>user</c>, <c>team</c>, <c>role</c>, <c>api_key</c>).</summary>
    public static LocalizedText Kind(string kind) => Text("kind." + kind);

    public static CrmException Denied(AccessRight permission, string entity) =>
        Exception(CrmErrorKind.Forbidden, "access.denied", Text("permission." + permission.ToString().ToLowerInvariant()), entity);

    public static CrmException PrivilegeRequired(string privilege) =>
        Exception(CrmErrorKind.Forbidden, "access.privilege_required", privilege);

    public static CrmException Invalid(string kind, IReadOnlyList<CrmError> errors) =>
        new(CrmErrorKind.Validation, "security.invalid", Text("security.invalid", Kind(kind)), errors);

    public static CrmException NotFound(string kind, string id) =>
        Exception(CrmErrorKind.NotFound, "security.not_found", Kind(kind), id);

    public static CrmException Exists(string kind, string id) =>
        Exception(CrmErrorKind.Conflict, "security.exists", Kind(kind), id);

    public static CrmException VersionConflict(string kind, string id, long current, long expected)
    {
        var e = Exception(CrmErrorKind.Conflict, "security.version_conflict", Kind(kind), id, current, expected);
        e.Extensions["currentVersion"] = current;
        return e;
    }
}
