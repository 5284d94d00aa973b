using System.Globalization;
using System.Text;

namespace CrmKit.Cli.Output;

/// <summary>
/// Measures how many terminal columns a string takes. Cyrillic and Latin letters take one column, East Asian
/// wide characters and most emoji take two, combining marks and zero-width characters take none.
/// </summary>
internal static class TextWidth
{
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }

        return width;
    }

    public static int Of(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.Control)
        {
            return 0;
        }

        return IsWide(rune.Value) ? 2 : 1;
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxWidth"/> columns, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxWidth)
    {
        if (Of(text) <= maxWidth)
        {
            return text;
        }

        var builder = new StringBuilder();
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var runeWidth = Of(rune);
            if (width + runeWidth > maxWidth - 1)
            {
                break;
            }

            builder.Append(rune.ToString());
            width += runeWidth;
        }

        return builder.Append('…').ToString();
    }

    /// <summary>Pads <paramref name="text"/> with spaces on the right to <paramref name="width"/> columns.</summary>
    public static string PadRight(string text, int width)
    {
        var missing = width - Of(text);
        return missing > 0 ? text + new string(' ', missing) : text;
    }

    // The East Asian Wide and Fullwidth blocks (Unicode TR 11) plus the emoji planes.
    private static bool IsWide(int codePoint) =>
        codePoint is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x1F300 and <= 0x1F64F
            or >= 0x1F900 and <= 0x1F9FF
            or >= 0x20000 and <= 0x3FFFD;
}
