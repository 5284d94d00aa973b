using System.Resources;
using CrmKit.Core.Localization;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Fields;

/// <summary>Reads the field types' display names and messages from <c>FieldMessages.resx</c> (en) and its ru twin.</summary>
internal static class FieldMessages
{
    /// <summary>Gets the resource manager of <c>FieldMessages.resx</c>.</summary>
    public static ResourceManager Resources { get; } =
        new("CrmKit.Core.Fields.FieldMessages", typeof(FieldMessages).Assembly);

    /// <summary>Formats a resource in every supported language.</summary>
    /// <param name="key">The resource name.</param>
    /// <param name="args">Format arguments.</param>
    /// <returns>The localized text.</returns>
    public static LocalizedText Get(string key, params object?[] args) => ResourceText.Get(Resources, key, args);

    /// <summary>Reports an error whose resource name is the code with dots and underscores removed.</summary>
    /// <param name="context">The value being normalized.</param>
    /// <param name="code">The error code, for example <c>phone.invalid</c>.</param>
    /// <param name="args">Format arguments.</param>
    public static void Report(FieldValueContext context, string code, params object?[] args) =>
        context.AddError(code, Get(KeyOf(code), args));

    /// <summary>Returns the display name of a built-in field type.</summary>
    /// <param name="typeName">The type name, for example <c>multi_enum</c>.</param>
    /// <returns>The localized display name.</returns>
    public static LocalizedText DisplayName(string typeName) => Get("Type_" + KeyOf(typeName));

    private static string KeyOf(string code)
    {
        // "money.unknown_currency" -> "Money_UnknownCurrency": resource names stay plain identifiers.
        var parts = code.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = string.Concat(parts[i].Split('_').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
        }

        return string.Join('_', parts);
    }
}
