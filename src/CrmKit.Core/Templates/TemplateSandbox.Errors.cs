using System.Text.RegularExpressions;
using Scriban.Syntax;

namespace CrmKit.Core.Templates;

/// <summary>Translates what Scriban throws into template errors.</summary>
internal sealed partial class TemplateSandbox
{
    private Exception Translate(string name, Exception e, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return new OperationCanceledException(callerToken);
        }

        switch (e)
        {
            case ScriptAbortException or OperationCanceledException:
                return TemplateMessages.Timeout(name, _options.TimeLimit, e);
            case InsufficientExecutionStackException:
                return TemplateMessages.LimitExceeded(name, "nesting", e.Message, e);
            case ScriptRuntimeException runtime:
                if (runtime.InnerException is Sdk.Errors.CrmException inner)
                {
                    return inner;
                }

                if (runtime.InnerException is RegexMatchTimeoutException)
                {
                    return TemplateMessages.LimitExceeded(name, "regex", runtime.OriginalMessage, e);
                }

                if (LimitOf(runtime.OriginalMessage) is { } limit)
                {
                    return TemplateMessages.LimitExceeded(name, limit, runtime.OriginalMessage, e);
                }

                var detail = runtime.InnerException is ArgumentException argument ? argument.Message : runtime.OriginalMessage;
                return TemplateMessages.RenderFailed(name, runtime.Span.Start.Line + 1, runtime.Span.Start.Column + 1, detail, e);
            default:
                return TemplateMessages.RenderFailed(name, 0, 0, e.Message, e);
        }
    }

    // Scriban reports its limits as ScriptRuntimeException with these phrases (checked against Scriban 7.5).
    private static string? LimitOf(string message) =>
        message.Contains("LoopLimit", StringComparison.Ordinal) || message.Contains("iteration limit", StringComparison.Ordinal) ? "loop"
        : message.Contains("recursive depth limit", StringComparison.Ordinal) ? "recursion"
        : message.Contains("OutputLimit", StringComparison.Ordinal) ? "output"
        : message.Contains("LimitToString", StringComparison.Ordinal) ? "string"
        : null;
}
