using CrmKit.Sdk.Files;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CrmKit.AspNetCore.Http;

/// <summary>
/// Conditional and range requests for downloads (RFC 9110 §13 and §14): <c>If-None-Match</c>, <c>If-Range</c> and a
/// single byte range (<c>bytes=a-b</c>, <c>bytes=a-</c>, <c>bytes=-n</c>). Several ranges, other units and malformed
/// headers are ignored (the whole content is sent), as the RFC allows.
/// </summary>
internal static class HttpRanges
{
    /// <summary>Whether an <c>If-None-Match</c> header matches the entity tag (weak comparison, <c>*</c> included).</summary>
    public static bool Matches(StringValues ifNoneMatch, string etag)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch) || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>The range to send; null for the whole content.</summary>
    /// <param name="request">The request.</param>
    /// <param name="etag">The current entity tag.</param>
    /// <param name="length">The content length.</param>
    /// <param name="unsatisfiable">Set when the one range asked for lies outside the content (416).</param>
    /// <returns>The range with an exact length, or null.</returns>
    public static FileRange? Parse(HttpRequest request, string etag, long length, out bool unsatisfiable)
    {
        unsatisfiable = false;
        var header = request.Headers.Range;
        if (StringValues.IsNullOrEmpty(header) || !HttpMethods.IsGet(request.Method))
        {
            return null;
        }

        // If-Range: only a strong match of the current tag keeps the range; otherwise the whole (changed) content.
        var ifRange = request.Headers.IfRange;
        if (!StringValues.IsNullOrEmpty(ifRange) &&
            !(EntityTagHeaderValue.TryParse(ifRange.ToString(), out var tag) && tag.Compare(new EntityTagHeaderValue(etag), useStrongComparison: true)))
        {
            return null;
        }

        if (!RangeHeaderValue.TryParse(header.ToString(), out var range) ||
            !string.Equals(range.Unit.Value, "bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count != 1)
        {
            return null;
        }

        var item = range.Ranges.First();
        FileRange? wanted;
        if (item.From is { } from)
        {
            if (item.To is { } to && to < from)
            {
                return null;
            }

            wanted = new FileRange(from, item.To is { } end ? end - from + 1 : null).Clamp(length);
        }
        else if (item.To is > 0 and { } suffix)
        {
            wanted = FileRange.Last(suffix, length);
        }
        else
        {
            wanted = null;
        }

        unsatisfiable = wanted is null;
        return wanted;
    }
}
