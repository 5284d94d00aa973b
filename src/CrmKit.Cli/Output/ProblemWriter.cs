using System.Globalization;
using CrmKit.Cli.Api;
using CrmKit.Cli.Resources;

namespace CrmKit.Cli.Output;

/// <summary>
/// Prints a server problem for people: <c>error &lt;code&gt;: &lt;title&gt;</c>, then one indented line per failing
/// value, the records behind a conflict (a refused field change, a referenced record, a newer version) and the
/// trace id of a server error.
/// </summary>
internal static class ProblemWriter
{
    public static void Write(TextWriter writer, ApiProblem problem)
    {
        writer.WriteLine(CliMessages.ProblemHeader(problem.Code, problem.Title));
        if (!string.IsNullOrWhiteSpace(problem.Detail) && problem.Detail != problem.Title)
        {
            writer.WriteLine($"  {problem.Detail}");
        }

        foreach (var error in problem.Errors)
        {
            var pointer = string.IsNullOrEmpty(error.Pointer) ? "/" : error.Pointer;
            var code = error.Code is null ? string.Empty : $" ({error.Code})";
            writer.WriteLine($"  {pointer}: {error.Message}{code}");
        }

        if (problem.ViolationCount is { } violationCount)
        {
            var shown = problem.ViolationRecordIds.Count;
            var summary = shown == 0 ? CliMessages.ViolationsCount(violationCount)
                : shown < violationCount ? CliMessages.ViolationsFirst(violationCount, shown)
                : CliMessages.ViolationsAll(violationCount);
            writer.WriteLine($"  {summary}");
            foreach (var id in problem.ViolationRecordIds)
            {
                writer.WriteLine($"    {id}");
            }

            writer.WriteLine($"  {CliMessages.ViolationsHint}");
        }

        if (problem.References is { } references)
        {
            var referenceCount = references.Count?.ToString(CultureInfo.InvariantCulture) ?? CliMessages.ReferencesSome;
            var colon = references.RecordIds.Count > 0 ? ":" : string.Empty;
            writer.WriteLine($"  {CliMessages.ReferencesCount(referenceCount, references.Entity, references.Field)}{colon}");
            foreach (var id in references.RecordIds)
            {
                writer.WriteLine($"    {id}");
            }
        }

        if (problem.CurrentVersion is { } currentVersion)
        {
            writer.WriteLine($"  {CliMessages.RecordNowAtVersion(currentVersion)}");
        }

        if (problem.TraceId is not null)
        {
            writer.WriteLine($"  {CliMessages.TraceId(problem.TraceId)}");
        }
    }
}
