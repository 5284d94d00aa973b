using System.Globalization;
using CrmKit.AspNetCore.Problems;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Http;

/// <summary>
/// Reads and writes record versions as entity tags: <c>ETag: "3"</c>; <c>If-Match: "3"</c> or <c>W/"3"</c>.
/// <c>If-Match: *</c> means "whatever the current version is".
/// </summary>
internal static class IfMatchHeader
{
    public static string Format(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The version the request expects, or null when it sends none.</summary>
    public static long? Parse(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw ApiErrors.InvalidIfMatch();
        }

        return Parse(values[0]);
    }

    internal static long? Parse(string? value)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text == "*")
        {
            return null;
        }

        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length < 3 || text[0] != '"' || text[^1] != '"' ||
            !long.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ||
            version < 1)
        {
            throw ApiErrors.InvalidIfMatch();
        }

        return version;
    }
}
