using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CrmKit.AspNetCore.Http;

/// <summary>
/// Picks the language of labels and messages from a request's <c>Accept-Language</c> header: the supported language
/// with the highest quality, English when none matches. Only this request is affected; no thread culture changes.
/// </summary>
internal static class RequestLanguage
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru");

    public static CultureInfo Get(HttpContext context)
    {
        if (context.Items.TryGetValue(typeof(RequestLanguage), out var cached) && cached is CultureInfo culture)
        {
            return culture;
        }

        culture = Pick(context.Request.Headers.AcceptLanguage.ToString());
        context.Items[typeof(RequestLanguage)] = culture;
        return culture;
    }

    internal static CultureInfo Pick(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) ||
            !StringWithQualityHeaderValue.TryParseList([header], out var values))
        {
            return English;
        }

        // A stable sort keeps the client's order among equal qualities.
        foreach (var value in values.OrderByDescending(v => v.Quality ?? 1.0))
        {
            if (value.Quality is <= 0)
            {
                continue;
            }

            var tag = value.Value.Value ?? string.Empty;
            var dash = tag.IndexOf('-', StringComparison.Ordinal);
            var language = dash < 0 ? tag : tag[..dash];
            if (language.Equals("ru", StringComparison.OrdinalIgnoreCase))
            {
                return Russian;
            }

            if (language.Equals("en", StringComparison.OrdinalIgnoreCase) || language == "*")
            {
                return English;
            }
        }

        return English;
    }
}
