using System.Buffers;

namespace CrmKit.JsonSchema.Internal.Formats;

/// <summary>IPv4 and IPv6 address text as RFC 3986 defines it (no leading zeros in IPv4 octets).</summary>
internal static class IpAddressSyntax
{
    private static readonly SearchValues<char> HexDigits =
        SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsIPv4(ReadOnlySpan<char> text)
    {
        var octets = 0;
        foreach (var range in text.Split('.'))
        {
            if (++octets > 4 || !IsDecimalOctet(text[range]))
            {
                return false;
            }
        }

        return octets == 4;
    }

    public static bool IsIPv6(ReadOnlySpan<char> text)
    {
        var elision = text.IndexOf("::", StringComparison.Ordinal);
        if (elision < 0)
        {
            return TryCountGroups(text, allowTrailingIPv4: true, out var count) && count == 8;
        }

        var left = text[..elision];
        var right = text[(elision + 2)..];
        if (right.Contains("::", StringComparison.Ordinal))
        {
            return false;
        }

        var leftCount = 0;
        var rightCount = 0;
        return (left.IsEmpty || TryCountGroups(left, allowTrailingIPv4: false, out leftCount))
            && (right.IsEmpty || TryCountGroups(right, allowTrailingIPv4: true, out rightCount))
            && leftCount + rightCount <= 7;
    }

    /// <summary>Counts colon-separated groups of 1-4 hex digits; a trailing IPv4 address counts as two.</summary>
    private static bool TryCountGroups(ReadOnlySpan<char> text, bool allowTrailingIPv4, out int count)
    {
        count = 0;
        foreach (var range in text.Split(':'))
        {
            var group = text[range];
            var isLast = range.End.GetOffset(text.Length) == text.Length;
            if (isLast && allowTrailingIPv4 && group.Contains('.'))
            {
                if (!IsIPv4(group))
                {
                    return false;
                }

                count += 2;
                continue;
            }

            if (group.IsEmpty || group.Length > 4 || group.ContainsAnyExcept(HexDigits))
            {
                return false;
            }

            count++;
        }

        return true;
    }

    private static bool IsDecimalOctet(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 3 || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return value <= 255;
    }
}
