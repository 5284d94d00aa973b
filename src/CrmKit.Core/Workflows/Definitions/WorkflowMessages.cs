using System.Resources;
using CrmKit.Core.Localization;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Workflows;

/// <summary>The workflow-definition messages (WorkflowMessages.resx, WorkflowMessages.ru.resx) and exception factories.</summary>
internal static class WorkflowMessages
{
    private static readonly ResourceManager Resources =
        new("CrmKit.Core.Workflows.WorkflowMessages", typeof(WorkflowMessages).Assembly);

    public static LocalizedText Text(string key, params object?[] args) => ResourceText.Get(Resources, key, args);

    public static CrmError Error(string code, string pointer, string messageKey, params object?[] args) =>
        new(code, pointer, Text(messageKey, args));

    public static CrmError Error(string code, string pointer, params object?[] args) => Error(code, pointer, code, args);

    public static CrmException Invalid(IReadOnlyList<CrmError> errors) =>
        new(CrmErrorKind.Validation, WorkflowErrorCodes.Invalid, Text(WorkflowErrorCodes.Invalid), errors);

    public static CrmException NotFound(string name) =>
        new(CrmErrorKind.NotFound, WorkflowErrorCodes.NotFound, Text(WorkflowErrorCodes.NotFound, name));

    public static CrmException VersionNotFound(string name, long version) =>
        new(CrmErrorKind.NotFound, WorkflowErrorCodes.NotFound, Text("workflow.version_not_found", name, version));

    public static CrmException VersionConflict(string name, long current, long expected)
    {
        var exception = new CrmException(
            CrmErrorKind.Conflict,
            WorkflowErrorCodes.VersionConflict,
            Text(WorkflowErrorCodes.VersionConflict, name, current, expected));
        exception.Extensions["currentVersion"] = current;
        return exception;
    }
}
