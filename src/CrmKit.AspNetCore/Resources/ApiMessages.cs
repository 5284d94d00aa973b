using System.Globalization;
using System.Resources;
using CrmKit.Sdk.Localization;

namespace CrmKit.AspNetCore.Resources;

/// <summary>The HTTP layer's messages (ApiMessages.resx, ApiMessages.ru.resx) in every supported language.</summary>
internal static class ApiMessages
{
    private static readonly ResourceManager Resources = new("CrmKit.AspNetCore.Resources.ApiMessages", typeof(ApiMessages).Assembly);

    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("ru")];

    /// <summary>Formats the resource <paramref name="key"/> in every supported language.</summary>
    public static LocalizedText Text(string key, params object?[] args)
    {
        var texts = new List<KeyValuePair<string, string>>(Cultures.Length);
        foreach (var culture in Cultures)
        {
            var format = Resources.GetString(key, culture) ?? key;
            texts.Add(new(culture.TwoLetterISOLanguageName, args.Length == 0 ? format : string.Format(culture, format, args)));
        }

        return new LocalizedText(texts);
    }
}
