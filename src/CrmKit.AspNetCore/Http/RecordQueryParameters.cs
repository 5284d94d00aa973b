using System.Globalization;
using CrmKit.AspNetCore.Problems;
using CrmKit.Sdk.Records;
using Microsoft.AspNetCore.Http;

namespace CrmKit.AspNetCore.Http;

/// <summary>
/// Reads the query string of the records endpoints strictly: a malformed value or a parameter given twice is a 400,
/// never a silent default. The filter, sort and cursor are passed on verbatim; the records service parses them.
/// </summary>
internal static class RecordQueryParameters
{
    public static RecordQuery ParseQuery(HttpRequest request) => new()
    {
        Filter = Single(request, "filter") is { Length: > 0 } filter ? filter : null,
        Sort = Single(request, "sort") is { Length: > 0 } sort ? sort : null,
        Select = ParseSelect(request),
        Limit = ParseLimit(Single(request, "limit")),
        After = Single(request, "after") is { Length: > 0 } after ? after : null,
        IncludeTotal = ParseBoolean(request, "count"),
        Deleted = ParseBoolean(request, "deleted"),
    };

    public static IReadOnlyList<string>? ParseSelect(HttpRequest request)
    {
        var select = Single(request, "select");
        if (string.IsNullOrWhiteSpace(select))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var part in select.Split(','))
        {
            var name = part.Trim();
            if (!IsName(name))
            {
                throw ApiErrors.InvalidSelect(name);
            }

            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    public static bool ParseBoolean(HttpRequest request, string parameter)
    {
        var value = Single(request, parameter);
        if (value is null)
        {
            return false;
        }

        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw ApiErrors.InvalidBoolean(parameter);
    }

    /// <summary>The <c>limit</c> parameter (default 50, 1 to <see cref="RecordQuery.MaxLimit"/>).</summary>
    public static int ParseLimit(HttpRequest request) => ParseLimit(Single(request, "limit"));

    /// <summary>A parameter given at most once; null when absent.</summary>
    public static string? Optional(HttpRequest request, string parameter) => Single(request, parameter);

    private static int ParseLimit(string? value)
    {
        if (value is null)
        {
            return 50;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ||
            limit is < 1 or > RecordQuery.MaxLimit)
        {
            throw ApiErrors.InvalidLimit();
        }

        return limit;
    }

    private static string? Single(HttpRequest request, string parameter)
    {
        var values = request.Query[parameter];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw ApiErrors.DuplicateParameter(parameter),
        };
    }

    /// <summary>A field name as metadata allows them: lower snake case, at most 63 characters.</summary>
    internal static bool IsName(string name)
    {
        if (name.Length is 0 or > 63 || name[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
