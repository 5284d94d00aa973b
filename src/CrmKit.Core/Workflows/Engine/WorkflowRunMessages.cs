using System.Resources;
using CrmKit.Core.Localization;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Workflows.Engine;

/// <summary>The workflow engine's messages (WorkflowRunMessages.resx, .ru.resx) and exception factories.</summary>
internal static class WorkflowRunMessages
{
    private static readonly ResourceManager Resources =
        new("CrmKit.Core.Workflows.Engine.WorkflowRunMessages", typeof(WorkflowRunMessages).Assembly);

    public static LocalizedText Text(string key, params object?[] args) => ResourceText.Get(Resources, key, args);

    public static CrmException RunNotFound(Guid id) =>
        new(CrmErrorKind.NotFound, WorkflowRunErrorCodes.RunNotFound, Text(WorkflowRunErrorCodes.RunNotFound, id));

    public static CrmException RunNotFailed(Guid id, string status) =>
        new(CrmErrorKind.Conflict, WorkflowRunErrorCodes.RunNotFailed, Text(WorkflowRunErrorCodes.RunNotFailed, id, status));

    public static CrmException WorkflowNotFound(string name) =>
        new(CrmErrorKind.NotFound, WorkflowRunErrorCodes.WorkflowNotFound, Text(WorkflowRunErrorCodes.WorkflowNotFound, name));

    /// <summary>A step failure that retrying cannot fix.</summary>
    public static WorkflowStepException Final(string code, params object?[] args) =>
        new(code, Text(code, args).ToString(), retryable: false);
}
