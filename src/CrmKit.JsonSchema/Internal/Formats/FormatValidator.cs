namespace CrmKit.JsonSchema.Internal.Formats;

/// <summary>Dispatches <c>format</c> assertions and maps format names.</summary>
internal static class FormatValidator
{
    public static bool TryParse(string name, out SchemaFormat format)
    {
        switch (name)
        {
            case "email":
                format = SchemaFormat.Email;
                return true;
            case "date":
                format = SchemaFormat.Date;
                return true;
            case "date-time":
                format = SchemaFormat.DateTime;
                return true;
            case "uri":
                format = SchemaFormat.Uri;
                return true;
            case "uuid":
                format = SchemaFormat.Uuid;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string NameOf(SchemaFormat format) => format switch
    {
        SchemaFormat.Email => "email",
        SchemaFormat.Date => "date",
        SchemaFormat.DateTime => "date-time",
        SchemaFormat.Uri => "uri",
        _ => "uuid",
    };

    public static bool IsValid(SchemaFormat format, string text) => format switch
    {
        SchemaFormat.Email => EmailSyntax.IsValid(text),
        SchemaFormat.Date => DateTimeSyntax.IsFullDate(text),
        SchemaFormat.DateTime => DateTimeSyntax.IsDateTime(text),
        SchemaFormat.Uri => UriSyntax.IsValid(text),
        _ => IsUuid(text),
    };

    /// <summary>RFC 9562 string form: 8-4-4-4-12 hex digits, any case, any version and variant.</summary>
    private static bool IsUuid(ReadOnlySpan<char> text)
    {
        if (text.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var valid = i is 8 or 13 or 18 or 23 ? text[i] == '-' : char.IsAsciiHexDigit(text[i]);
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }
}
