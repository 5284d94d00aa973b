using System.Buffers;

namespace CrmKit.Core.Security;

/// <summary>
/// Drops the top-level members a caller may not read from a JSON object's text in one pass: member names are compared
/// as slices (no strings made), values are skipped without being parsed, and the kept text is copied unchanged. Returns
/// the input itself when nothing is dropped, and null when the text is not the simple shape stored records have (a name
/// with escapes, say), so that the caller can use a full parser instead. Short tokens are walked character by character
/// (stored records are compact and their values mostly short); a long string switches to a vectorized search.
/// </summary>
internal static class JsonMemberFilter
{
    private const int ScalarRun = 32;
    private static readonly SearchValues<char> QuoteOrEscape = SearchValues.Create("\"\\");

    [ThreadStatic]
    private static List<(int Start, int End)>? _dropped;

    public static string? Filter(string json, EntityAccess access)
    {
        // Core writes each member once, so when the hidden names are a known few the scan can stop at the last of them.
        var hiddenLeft = access.HiddenNameCount;
        List<(int Start, int End)>? dropped = null;
        var s = json.AsSpan();
        var i = SkipSpace(s, 0);
        if (i >= s.Length || s[i] != '{')
        {
            return null;
        }

        // A dropped range runs from the end of the member before it (its comma included) to the member's end; for a
        // first member, from the member to the start of the next one.
        var previousEnd = i + 1;
        var first = true;
        i = SkipSpace(s, i + 1);
        if (i < s.Length && s[i] == '}')
        {
            return json;
        }

        while (true)
        {
            if (i >= s.Length || s[i] != '"')
            {
                return null;
            }

            var start = i;
            var nameStart = ++i;
            while (i < s.Length && s[i] != '"')
            {
                if (s[i] == '\\')
                {
                    return null;
                }

                i++;
            }

            if (i >= s.Length)
            {
                return null;
            }

            var name = s[nameStart..i];
            i = SkipSpace(s, i + 1);
            if (i >= s.Length || s[i] != ':')
            {
                return null;
            }

            var end = SkipValue(s, SkipSpace(s, i + 1));
            if (end < 0)
            {
                return null;
            }

            i = SkipSpace(s, end);
            if (i >= s.Length || s[i] is not (',' or '}'))
            {
                return null;
            }

            if (!access.CanRead(name))
            {
                dropped ??= Rent();
                var last = --hiddenLeft == 0;
                if (first)
                {
                    var next = s[i] == ',' ? SkipSpace(s, i + 1) : end;
                    dropped.Add((start, next));
                    if (s[i] == ',')
                    {
                        if (last)
                        {
                            break;
                        }

                        i = next;
                        previousEnd = next;
                        continue;
                    }
                }
                else
                {
                    dropped.Add((previousEnd, end));
                }

                if (last)
                {
                    break;
                }
            }
            else
            {
                first = false;
            }

            previousEnd = end;
            if (s[i] == '}')
            {
                break;
            }

            i = SkipSpace(s, i + 1);
        }

        return dropped is null ? json : Cut(json, dropped);
    }

    private static List<(int Start, int End)> Rent()
    {
        var list = _dropped ??= [];
        list.Clear();
        return list;
    }

    private static string Cut(string json, List<(int Start, int End)> dropped)
    {
        var length = json.Length;
        foreach (var (start, end) in dropped)
        {
            length -= end - start;
        }

        return string.Create(length, (json, dropped), static (span, state) =>
        {
            var (text, ranges) = state;
            var from = 0;
            foreach (var (start, end) in ranges)
            {
                text.AsSpan(from, start - from).CopyTo(span);
                span = span[(start - from)..];
                from = end;
            }

            text.AsSpan(from).CopyTo(span);
        });
    }

    private static int SkipSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t' or '\r' or '\n')
        {
            i++;
        }

        return i;
    }

    /// <summary>The index just after the value starting at <paramref name="i"/>; -1 when the text ends first.</summary>
    private static int SkipValue(ReadOnlySpan<char> s, int i)
    {
        if (i >= s.Length)
        {
            return -1;
        }

        var c = s[i];
        if (c == '"')
        {
            return SkipString(s, i);
        }

        if (c is '{' or '[')
        {
            var depth = 0;
            while (i < s.Length)
            {
                c = s[i];
                if (c == '"')
                {
                    i = SkipString(s, i);
                    if (i < 0)
                    {
                        return -1;
                    }

                    continue;
                }

                if (c is '{' or '[')
                {
                    depth++;
                }
                else if (c is '}' or ']' && --depth == 0)
                {
                    return i + 1;
                }

                i++;
            }

            return -1;
        }

        // A number, true, false or null: up to the next delimiter.
        while (i < s.Length && s[i] is not (',' or '}' or ']' or ' ' or '\t' or '\r' or '\n'))
        {
            i++;
        }

        return i;
    }

    /// <summary>The index just after the string starting at the quote at <paramref name="i"/>; -1 when unterminated.</summary>
    private static int SkipString(ReadOnlySpan<char> s, int i)
    {
        var scalarEnd = Math.Min(s.Length, i + ScalarRun);
        i++;
        while (i < scalarEnd)
        {
            var c = s[i];
            if (c == '"')
            {
                return i + 1;
            }

            i += c == '\\' ? 2 : 1;
        }

        while (i < s.Length)
        {
            var offset = s[i..].IndexOfAny(QuoteOrEscape);
            if (offset < 0)
            {
                return -1;
            }

            if (s[i + offset] == '"')
            {
                return i + offset + 1;
            }

            i += offset + 2;
        }

        return -1;
    }
}
