using CrmKit.Cli.Api;

namespace CrmKit.Cli.Output;

/// <summary>
/// Prints a server problem for people: <c>error &lt;code&gt;: &lt;title&gt;</c>, then one indented line per failing
/// value, the violating records of a refused field change, and the trace id of a server error.
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

        if (problem.ViolationCount is { } count)
        {
            writer.WriteLine($"  {count} record(s) violate the change");
            if (problem.ViolationRecordIds.Count > 0)
            {
                var more = count > problem.ViolationRecordIds.Count ? $" (first {problem.ViolationRecordIds.Count})" : string.Empty;
                writer.WriteLine($"  record ids{more}: {string.Join(", ", problem.ViolationRecordIds)}");
            }

            writer.WriteLine("  use --conversion cast to convert the values, or --force to archive the violating ones");
        }

        if (problem.TraceId is not null)
        {
            writer.WriteLine($"  trace id: {problem.TraceId}");
        }
    }
}
