using System.Globalization;

namespace CrmKit.Sdk.Localization;

/// <summary>
/// A text in several languages keyed by culture name (<c>en</c>, <c>ru</c>, ...). Labels and error messages use it.
/// </summary>
public sealed class LocalizedText
{
    private readonly Dictionary<string, string> _texts;

    /// <summary>Creates a localized text from culture → text pairs.</summary>
    /// <param name="texts">The texts keyed by culture name; keys are compared case-insensitively.</param>
    public LocalizedText(IEnumerable<KeyValuePair<string, string>> texts)
    {
        _texts = new Dictionary<string, string>(texts, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Creates a text in English and, optionally, Russian.</summary>
    /// <param name="en">The English text.</param>
    /// <param name="ru">The Russian text, if any.</param>
    /// <returns>The localized text.</returns>
    public static LocalizedText Of(string en, string? ru = null)
    {
        var pairs = new List<KeyValuePair<string, string>> { new("en", en) };
        if (ru is not null)
        {
            pairs.Add(new("ru", ru));
        }

        return new LocalizedText(pairs);
    }

    /// <summary>The texts keyed by culture name.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    /// <summary>
    /// Picks the text for a culture: the exact culture, then its parent language, then English, then any text.
    /// </summary>
    /// <param name="culture">The culture to pick; the current UI culture when null.</param>
    /// <returns>The best text, or an empty string when there is none.</returns>
    public string Get(CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        if (_texts.TryGetValue(culture.Name, out var text) ||
            _texts.TryGetValue(culture.TwoLetterISOLanguageName, out text) ||
            _texts.TryGetValue("en", out text))
        {
            return text;
        }

        return _texts.Values.FirstOrDefault() ?? string.Empty;
    }

    /// <inheritdoc />
    public override string ToString() => Get(CultureInfo.InvariantCulture);
}
