using System.Globalization;
using CrmKit.Cli.Api;

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
        writer.WriteLine($"error {problem.Code}: {problem.Title}");
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
            var sample = shown == 0 ? string.Empty : shown < violationCount ? $"; the first {shown}:" : ":";
            writer.WriteLine($"  {violationCount} record(s) violate the change{sample}");
            foreach (var id in problem.ViolationRecordIds)
            {
                writer.WriteLine($"    {id}");
            }

            writer.WriteLine("  use --conversion cast to convert the values, or --force to archive the violating ones");
        }

        if (problem.References is { } references)
        {
            var referenceCount = references.Count?.ToString(CultureInfo.InvariantCulture) ?? "some";
            var colon = references.RecordIds.Count > 0 ? ":" : string.Empty;
            writer.WriteLine($"  {referenceCount} {references.Entity} record(s) refer to it through {references.Field}{colon}");
            foreach (var id in references.RecordIds)
            {
                writer.WriteLine($"    {id}");
            }
        }

        if (problem.CurrentVersion is { } currentVersion)
        {
            writer.WriteLine($"  the record is now at version {currentVersion}");
        }

        if (problem.TraceId is not null)
        {
            writer.WriteLine($"  trace id: {problem.TraceId}");
        }
    }
}
