using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>url</c>: an absolute <c>http</c> or <c>https</c> URL with a host, at most 2,048 characters. Surrounding white
/// space is trimmed; otherwise the URL is kept as written (no re-encoding). Other schemes (<c>javascript:</c>,
/// <c>file:</c>, <c>ftp:</c>...) are refused, since the value ends up as a link in user interfaces. Text that is not an
/// absolute URI is left for the schema's <c>uri</c> format.
/// </summary>
internal sealed class UrlFieldType : FieldType
{
    /// <summary>The maximum length of a URL.</summary>
    public const int MaxLength = 2048;

    /// <summary>Creates the type.</summary>
    public UrlFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Url,
            FieldValueKind.Text,
            new JsonObject { ["type"] = "string", ["format"] = "uri", ["maxLength"] = MaxLength },
            FieldMessages.DisplayName(BuiltInFieldTypes.Url)))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        if (!JsonValues.TryGetString(context.Value, out var text))
        {
            return;
        }

        var url = text.Trim();
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !IsScheme(url.AsSpan(0, colon)))
        {
            // No scheme: not an absolute URI, which the schema's format reports.
            return;
        }

        var scheme = url[..colon];
        if (!scheme.Equals(Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) &&
            !scheme.Equals(Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
        {
            FieldMessages.Report(context, FieldErrorCodes.UrlSchemeNotAllowed);
            return;
        }

        // "http:example.com" is a valid URI (a path, no authority) but no link anyone means.
        if (!url.AsSpan(colon).StartsWith("://", StringComparison.Ordinal))
        {
            FieldMessages.Report(context, FieldErrorCodes.UrlHostRequired);
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            // Malformed after the scheme (spaces, bad escapes...): the schema's format reports it.
            return;
        }

        if (uri.Host.Length == 0)
        {
            FieldMessages.Report(context, FieldErrorCodes.UrlHostRequired);
            return;
        }

        if (url != text)
        {
            context.Value = JsonValue.Create(url);
        }
    }

    // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
