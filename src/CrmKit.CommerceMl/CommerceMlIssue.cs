namespace CrmKit.CommerceMl;

/// <summary>One schema error or warning, or a file that could not be read.</summary>
/// <param name="Severity">Error or warning; both fail the validation.</param>
/// <param name="Line">The 1-based line, 0 when unknown.</param>
/// <param name="Position">The 1-based position in the line, 0 when unknown.</param>
/// <param name="Message">What is wrong, as the XML schema validator says it.</param>
public sealed record CommerceMlIssue(CommerceMlIssueSeverity Severity, int Line, int Position, string Message)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{(Severity == CommerceMlIssueSeverity.Error ? "error" : "warning")} {Line}:{Position}: {Message}";
}
