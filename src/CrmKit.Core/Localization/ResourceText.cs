using System.Globalization;
using System.Resources;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Localization;

/// <summary>Builds <see cref="LocalizedText"/> from a resource file in every supported language.</summary>
internal static class ResourceText
{
    /// <summary>The languages CrmKit ships messages in.</summary>
    public static IReadOnlyList<CultureInfo> Cultures { get; } = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("ru")];

    /// <summary>Formats the resource <paramref name="key"/> in every supported language.</summary>
    /// <param name="resources">The resource manager.</param>
    /// <param name="key">The resource name.</param>
    /// <param name="args">Format arguments.</param>
    /// <returns>The localized text.</returns>
    public static LocalizedText Get(ResourceManager resources, string key, params object?[] args)
    {
        var texts = new List<KeyValuePair<string, string>>(Cultures.Count);
        foreach (var culture in Cultures)
        {
            var format = resources.GetString(key, culture) ?? key;
            var text = args.Length == 0 ? format : string.Format(culture, format, args);
            texts.Add(new(culture.TwoLetterISOLanguageName, text));
        }

        return new LocalizedText(texts);
    }
}
