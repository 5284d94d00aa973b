using System.Globalization;
using System.Resources;
using System.Text;
using CrmKit.Core.Localization;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Query;

/// <summary>The query language's localized messages (QueryMessages.resx, QueryMessages.ru.resx).</summary>
internal static class QueryText
{
    private const int MaxQuotedLength = 40;

    private static readonly ResourceManager Resources =
        new("CrmKit.Core.Query.QueryMessages", typeof(QueryText).Assembly);

    /// <summary>Formats a message in every supported language.</summary>
    /// <param name="key">The resource name.</param>
    /// <param name="args">Format arguments; <see cref="LocalizedArgument"/>s render in the message's language.</param>
    /// <returns>The localized text.</returns>
    public static LocalizedText Get(string key, params object?[] args) => ResourceText.Get(Resources, key, args);

    /// <summary>A message fragment usable as a format argument of another message.</summary>
    /// <param name="key">The resource name.</param>
    /// <returns>The argument.</returns>
    public static LocalizedArgument Argument(string key) => new(Get(key));

    /// <summary>What a value of <paramref name="kind"/> looks like, as a format argument ("an integer"...).</summary>
    /// <param name="kind">The value kind.</param>
    /// <returns>The argument.</returns>
    public static LocalizedArgument Expected(FieldValueKind kind) => Argument(kind switch
    {
        FieldValueKind.Integer => "expected.integer",
        FieldValueKind.Decimal or FieldValueKind.Money => "expected.number",
        FieldValueKind.Boolean => "expected.boolean",
        FieldValueKind.Date => "expected.date",
        FieldValueKind.DateTime => "expected.datetime",
        FieldValueKind.Reference => "expected.reference",
        _ => "expected.text",
    });

    /// <summary>
    /// Quotes a piece of request text in double quotes for a message: shortened when long, control characters shown as code points,
    /// so that what the client sent cannot reshape the message.
    /// </summary>
    /// <param name="text">The text from the request.</param>
    /// <returns>The quoted text.</returns>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxQuotedLength) + 3);
        builder.Append('"');
        var length = Math.Min(text.Length, MaxQuotedLength);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || (char.IsSurrogate(c) && !(i + 1 < length && char.IsSurrogatePair(c, text[i + 1]))))
            {
                builder.Append(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
            }
            else if (char.IsHighSurrogate(c))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(c);
            }
        }

        if (text.Length > MaxQuotedLength)
        {
            builder.Append('…');
        }

        return builder.Append('"').ToString();
    }
}
