using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmKit.JsonSchema.Internal;

/// <summary>
/// Compiles a JSON Schema <c>pattern</c> (ECMA-262 with the <c>u</c> flag) to a .NET <see cref="Regex"/>, rewriting
/// the constructs whose meaning differs: <c>\d</c> and <c>\w</c> are ASCII, <c>$</c> is the very end, <c>.</c> and
/// astral literals match whole code points, <c>\p{Letter}</c> long property names and <c>\u{...}</c> escapes.
/// </summary>
internal static class EcmaPattern
{
    private const string AnyCodePoint = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\n\r\u2028\u2029])";

    private static readonly Dictionary<string, string> CategoryNames = new(StringComparer.Ordinal)
    {
        ["Letter"] = "L", ["Uppercase_Letter"] = "Lu", ["Lowercase_Letter"] = "Ll", ["Titlecase_Letter"] = "Lt",
        ["Modifier_Letter"] = "Lm", ["Other_Letter"] = "Lo", ["Mark"] = "M", ["Combining_Mark"] = "M",
        ["Nonspacing_Mark"] = "Mn", ["Spacing_Mark"] = "Mc", ["Enclosing_Mark"] = "Me", ["Number"] = "N",
        ["Decimal_Number"] = "Nd", ["digit"] = "Nd", ["Letter_Number"] = "Nl", ["Other_Number"] = "No",
        ["Punctuation"] = "P", ["punct"] = "P", ["Connector_Punctuation"] = "Pc", ["Dash_Punctuation"] = "Pd",
        ["Open_Punctuation"] = "Ps", ["Close_Punctuation"] = "Pe", ["Initial_Punctuation"] = "Pi",
        ["Final_Punctuation"] = "Pf", ["Other_Punctuation"] = "Po", ["Symbol"] = "S", ["Math_Symbol"] = "Sm",
        ["Currency_Symbol"] = "Sc", ["Modifier_Symbol"] = "Sk", ["Other_Symbol"] = "So", ["Separator"] = "Z",
        ["Space_Separator"] = "Zs", ["Line_Separator"] = "Zl", ["Paragraph_Separator"] = "Zp", ["Other"] = "C",
        ["Control"] = "Cc", ["cntrl"] = "Cc", ["Format"] = "Cf", ["Surrogate"] = "Cs", ["Private_Use"] = "Co",
        ["Unassigned"] = "Cn",
    };

    /// <summary>Compiles a pattern; throws <see cref="ArgumentException"/> when it is not a valid expression.</summary>
    public static Regex Compile(string pattern, TimeSpan matchTimeout) =>
        new(Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.Compiled, matchTimeout);

    public static string Translate(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                i = TranslateEscape(pattern, i, inClass, result);
            }
            else if (inClass)
            {
                inClass = c != ']';
                result.Append(c);
            }
            else if (c == '[')
            {
                i = OpenClass(pattern, i, result, out inClass);
            }
            else if (c == '$')
            {
                result.Append(@"\z");
            }
            else if (c == '.')
            {
                result.Append(AnyCodePoint);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]))
            {
                // Group the pair so that a quantifier after it repeats the whole code point.
                result.Append("(?:").Append(c).Append(pattern[++i]).Append(')');
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>Handles ECMAScript's empty classes: <c>[]</c> matches nothing and <c>[^]</c> anything.</summary>
    private static int OpenClass(string pattern, int i, StringBuilder result, out bool inClass)
    {
        if (string.CompareOrdinal(pattern, i, "[]", 0, 2) == 0)
        {
            result.Append("(?!)");
            inClass = false;
            return i + 1;
        }

        if (string.CompareOrdinal(pattern, i, "[^]", 0, 3) == 0)
        {
            result.Append(@"[\s\S]");
            inClass = false;
            return i + 2;
        }

        result.Append('[');
        inClass = true;
        return i;
    }

    /// <summary>Appends the translation of the escape at <paramref name="i"/>; returns the index of its last character.</summary>
    private static int TranslateEscape(string pattern, int i, bool inClass, StringBuilder result)
    {
        var e = pattern[i + 1];
        switch (e)
        {
            case 'd':
                result.Append(inClass ? "0-9" : "[0-9]");
                return i + 1;
            case 'D' when !inClass:
                result.Append("[^0-9]");
                return i + 1;
            case 'w':
                result.Append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]");
                return i + 1;
            case 'W' when !inClass:
                result.Append("[^a-zA-Z0-9_]");
                return i + 1;
            case 'p' or 'P' when TryReadBraced(pattern, i + 2, out var name, out var end):
                result.Append('\\').Append(e).Append('{').Append(MapProperty(name)).Append('}');
                return end;
            case 'u' when TryReadBraced(pattern, i + 2, out var hex, out var end)
                && int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                && codePoint is >= 0 and <= 0x10FFFF:
                AppendCodePoint(codePoint, inClass, result);
                return end;
            default:
                result.Append('\\').Append(e);
                return i + 1;
        }
    }

    private static bool TryReadBraced(string pattern, int start, out string content, out int end)
    {
        content = string.Empty;
        end = -1;
        if (start >= pattern.Length || pattern[start] != '{')
        {
            return false;
        }

        end = pattern.IndexOf('}', start + 1);
        if (end < 0)
        {
            return false;
        }

        content = pattern[(start + 1)..end];
        return true;
    }

    private static string MapProperty(string name)
    {
        var separator = name.IndexOf('=', StringComparison.Ordinal);
        if (separator > 0 && name[..separator] is "General_Category" or "gc")
        {
            name = name[(separator + 1)..];
        }

        return CategoryNames.GetValueOrDefault(name, name);
    }

    private static void AppendCodePoint(int codePoint, bool inClass, StringBuilder result)
    {
        var text = char.ConvertFromUtf32(codePoint);
        if (text.Length == 1)
        {
            result.Append(@"\u").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
        }
        else if (inClass)
        {
            // .NET classes hold UTF-16 units, so an astral code point in a class can only be approximated.
            result.Append(text);
        }
        else
        {
            result.Append("(?:").Append(text).Append(')');
        }
    }
}
