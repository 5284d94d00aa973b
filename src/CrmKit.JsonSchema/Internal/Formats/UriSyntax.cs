using System.Buffers;

namespace CrmKit.JsonSchema.Internal.Formats;

/// <summary>An RFC 3986 <c>URI</c> (absolute, with a scheme; a fragment is allowed), ASCII only.</summary>
internal static class UriSyntax
{
    // unreserved and sub-delims: the characters every component accepts as they are.
    private const string Common = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=";

    private static readonly SearchValues<char> RegName = SearchValues.Create(Common);
    private static readonly SearchValues<char> UserInfo = SearchValues.Create(Common + ":");
    private static readonly SearchValues<char> Path = SearchValues.Create(Common + ":@/");
    private static readonly SearchValues<char> QueryOrFragment = SearchValues.Create(Common + ":@/?");
    private static readonly SearchValues<char> FutureAddress = SearchValues.Create(Common + ":");
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");
    private static readonly SearchValues<char> SchemeTail = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(text[0]) || text[1..colon].ContainsAnyExcept(SchemeTail))
        {
            return false;
        }

        var rest = text[(colon + 1)..];
        var hash = rest.IndexOf('#');
        if (hash >= 0)
        {
            if (!IsEncoded(rest[(hash + 1)..], QueryOrFragment))
            {
                return false;
            }

            rest = rest[..hash];
        }

        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            if (!IsEncoded(rest[(question + 1)..], QueryOrFragment))
            {
                return false;
            }

            rest = rest[..question];
        }

        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            // path-absolute, path-rootless or path-empty.
            return IsEncoded(rest, Path);
        }

        rest = rest[2..];
        var slash = rest.IndexOf('/');
        var authority = slash >= 0 ? rest[..slash] : rest;
        var path = slash >= 0 ? rest[slash..] : [];
        return IsAuthority(authority) && IsEncoded(path, Path);
    }

    /// <summary><c>[ userinfo "@" ] host [ ":" port ]</c>.</summary>
    private static bool IsAuthority(ReadOnlySpan<char> text)
    {
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            if (!IsEncoded(text[..at], UserInfo))
            {
                return false;
            }

            text = text[(at + 1)..];
        }

        ReadOnlySpan<char> port;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0 || !IsIPLiteral(text[1..close]))
            {
                return false;
            }

            port = text[(close + 1)..];
        }
        else
        {
            var portColon = text.IndexOf(':');
            var host = portColon >= 0 ? text[..portColon] : text;
            if (!IsEncoded(host, RegName))
            {
                return false;
            }

            port = portColon >= 0 ? text[portColon..] : [];
        }

        return port.IsEmpty || (port[0] == ':' && !port[1..].ContainsAnyExceptInRange('0', '9'));
    }

    /// <summary>The inside of <c>[...]</c>: an IPv6 address or <c>"v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )</c>.</summary>
    private static bool IsIPLiteral(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && (text[0] == 'v' || text[0] == 'V'))
        {
            var dot = text.IndexOf('.');
            return dot > 1 && !text[1..dot].ContainsAnyExcept(HexDigits)
                && dot < text.Length - 1 && !text[(dot + 1)..].ContainsAnyExcept(FutureAddress);
        }

        return IpAddressSyntax.IsIPv6(text);
    }

    /// <summary>Whether every character is in the set or part of a well-formed percent-encoded octet.</summary>
    private static bool IsEncoded(ReadOnlySpan<char> text, SearchValues<char> allowed)
    {
        while (true)
        {
            var other = text.IndexOfAnyExcept(allowed);
            if (other < 0)
            {
                return true;
            }

            if (text[other] != '%' || other + 2 >= text.Length
                || !char.IsAsciiHexDigit(text[other + 1]) || !char.IsAsciiHexDigit(text[other + 2]))
            {
                return false;
            }

            text = text[(other + 3)..];
        }
    }
}
