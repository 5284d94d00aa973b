using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields;

/// <summary>Finds characters that have no place in stored text: control characters and unpaired surrogates.</summary>
internal static class TextCharacters
{
    /// <summary>Finds the first control character (Unicode category Cc: C0, DEL and C1) not in <paramref name="allowed"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="allowed">Control characters that are allowed.</param>
    /// <returns>The index, or -1.</returns>
    public static int IndexOfControl(string text, ReadOnlySpan<char> allowed)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !allowed.Contains(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Finds the first high surrogate not followed by a low one, or low surrogate not preceded by a high one.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The index, or -1.</returns>
    public static int IndexOfUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reports the first unpaired surrogate and the first disallowed control character of a string value.</summary>
    /// <param name="context">The value being normalized; values that are not JSON strings are left alone.</param>
    /// <param name="allowed">Control characters that are allowed.</param>
    /// <param name="controlCode">The code reported for a control character.</param>
    /// <param name="unicodeCode">The code reported for an unpaired surrogate.</param>
    public static void Check(FieldValueContext context, ReadOnlySpan<char> allowed, string controlCode, string unicodeCode)
    {
        if (!JsonValues.TryGetString(context.Value, out var text, out var unreadable))
        {
            if (unreadable)
            {
                FieldMessages.Report(context, unicodeCode);
            }

            return;
        }

        if (IndexOfUnpairedSurrogate(text) >= 0)
        {
            FieldMessages.Report(context, unicodeCode);
        }

        var control = IndexOfControl(text, allowed);
        if (control >= 0)
        {
            FieldMessages.Report(context, controlCode, CodePoint(text[control]), control + 1);
        }
    }

    /// <summary>Formats a character's code point for messages (<c>000A</c>).</summary>
    /// <param name="c">The character.</param>
    /// <returns>Four upper-case hex digits.</returns>
    public static string CodePoint(char c) => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
