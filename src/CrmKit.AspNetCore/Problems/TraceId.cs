using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Problems;

/// <summary>The id a client quotes for a failed request; the same one is logged, so the two can be matched.</summary>
internal static class TraceId
{
    public static string Of(HttpContext context) => Activity.Current?.Id ?? context.TraceIdentifier;
}
