using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmKit.Core.Templates;

/// <summary>Locale names of templates and the fallback between them.</summary>
internal static partial class TemplateLocales
{
    /// <summary>Whether a locale is a language (<c>en</c>) or a language and region (<c>ru-RU</c>) that .NET knows.</summary>
    public static bool IsValid(string? locale)
    {
        if (locale is null || !LocalePattern().IsMatch(locale))
        {
            return false;
        }

        try
        {
            _ = CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
            return true;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Picks the exact locale, then one of the same language (the bare language first), then the first.</summary>
    public static T? Choose<T>(IReadOnlyList<T> candidates, Func<T, string> localeOf, string? wanted)
        where T : class
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        if (string.IsNullOrEmpty(wanted))
        {
            return candidates[0];
        }

        foreach (var candidate in candidates)
        {
            if (string.Equals(localeOf(candidate), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        var language = Language(wanted);
        T? sameLanguage = null;
        foreach (var candidate in candidates)
        {
            var locale = localeOf(candidate);
            if (string.Equals(locale, language, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            if (sameLanguage is null && string.Equals(Language(locale), language, StringComparison.OrdinalIgnoreCase))
            {
                sameLanguage = candidate;
            }
        }

        return sameLanguage ?? candidates[0];
    }

    private static string Language(string locale)
    {
        var dash = locale.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? locale : locale[..dash];
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LocalePattern();
}
