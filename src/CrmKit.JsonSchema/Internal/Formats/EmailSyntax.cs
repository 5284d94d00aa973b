using System.Buffers;

namespace CrmKit.JsonSchema.Internal.Formats;

/// <summary>
/// An RFC 5321 <c>Mailbox</c>: a dot-atom or quoted-string local part, then a host name or an IPv4 / IPv6 address
/// literal. ASCII only (internationalized addresses are the separate <c>idn-email</c> format).
/// </summary>
internal static class EmailSyntax
{
    private const int MaxLocalPartLength = 64;
    private const int MaxDomainLength = 253;
    private const int MaxLabelLength = 63;

    private static readonly SearchValues<char> AtomText = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~");

    private static readonly SearchValues<char> LabelText = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    public static bool IsValid(ReadOnlySpan<char> text)
    {
        var at = text.Length > 0 && text[0] == '"' ? QuotedStringEnd(text) : text.IndexOf('@');
        if (at <= 0 || at > MaxLocalPartLength || at >= text.Length || text[at] != '@')
        {
            return false;
        }

        var local = text[..at];
        var domain = text[(at + 1)..];
        return (local[0] == '"' || IsDotAtom(local)) && IsDomain(domain);
    }

    /// <summary>Returns the index just past the closing quote of a quoted string, or -1.</summary>
    private static int QuotedStringEnd(ReadOnlySpan<char> text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i + 1;
            }

            if (c == '\\')
            {
                // quoted-pair: a backslash and any printable ASCII character.
                if (++i >= text.Length || text[i] < ' ' || text[i] > '~')
                {
                    return -1;
                }
            }
            else if (c < ' ' || c > '~')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsDotAtom(ReadOnlySpan<char> text)
    {
        foreach (var range in text.Split('.'))
        {
            var atom = text[range];
            if (atom.IsEmpty || atom.ContainsAnyExcept(AtomText))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> text)
    {
        if (text.Length > 2 && text[0] == '[' && text[^1] == ']')
        {
            var literal = text[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase)
                ? IpAddressSyntax.IsIPv6(literal[5..])
                : IpAddressSyntax.IsIPv4(literal);
        }

        if (text.IsEmpty || text.Length > MaxDomainLength)
        {
            return false;
        }

        foreach (var range in text.Split('.'))
        {
            var label = text[range];
            if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-'
                || label.ContainsAnyExcept(LabelText))
            {
                return false;
            }
        }

        return true;
    }
}
