using System.Globalization;
using System.Text;

namespace CrmKit.Core.Files;

/// <summary>
/// Neutralizes user file names: only the last path segment is kept, control and bidirectional-override characters go,
/// characters that mean something to file systems become <c>_</c>, and the name is cut to 255 characters. The name is
/// only ever shown and sent back in <c>Content-Disposition</c>; it never becomes a path or a store key.
/// </summary>
public static class FileNames
{
    /// <summary>The name used when nothing usable is left.</summary>
    public const string Fallback = "file";

    private const int MaxLength = 255;

    /// <summary>Neutralizes a file name.</summary>
    /// <param name="name">The name a client sent; may be null.</param>
    /// <returns>A safe name, never empty.</returns>
    public static string Neutralize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        var text = name.Normalize(NormalizationForm.FormC);
        var slash = text.LastIndexOfAny(['/', '\\']);
        if (slash >= 0)
        {
            text = text[(slash + 1)..];
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            if (rune.IsAscii && "<>:\"|?*".Contains((char)rune.Value, StringComparison.Ordinal))
            {
                builder.Append('_');
                continue;
            }

            builder.Append(rune.ToString());
        }

        var result = builder.ToString().Trim().Trim('.').Trim();
        if (result.Length > MaxLength)
        {
            result = Cut(result);
        }

        return result.Length == 0 ? Fallback : result;
    }

    /// <summary>Cuts a long name to the limit, keeping its extension and whole characters.</summary>
    private static string Cut(string name)
    {
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 16 ? name[dot..] : "";
        var keep = MaxLength - extension.Length;
        var info = new StringInfo(name[..^extension.Length]);
        var stem = new StringBuilder();
        for (var i = 0; i < info.LengthInTextElements; i++)
        {
            var element = info.SubstringByTextElements(i, 1);
            if (stem.Length + element.Length > keep)
            {
                break;
            }

            stem.Append(element);
        }

        return stem.ToString().TrimEnd() + extension;
    }
}
