using System.Globalization;
using System.Resources;

namespace CrmKit.JsonSchema.Resources;

/// <summary>The messages of <see cref="SchemaDefinitionException"/>, read from <c>SchemaMessages.resx</c>.</summary>
internal static class SchemaMessages
{
    private static readonly ResourceManager Resources = new(typeof(SchemaMessages).FullName!, typeof(SchemaMessages).Assembly);

    public static string InvalidJson => Get(nameof(InvalidJson));

    public static string SchemaNotObjectOrBoolean => Get(nameof(SchemaNotObjectOrBoolean));

    public static string UnsupportedKeyword => Get(nameof(UnsupportedKeyword));

    public static string UnsupportedFormat => Get(nameof(UnsupportedFormat));

    public static string TooDeep => Get(nameof(TooDeep));

    public static string InvalidKeywordValue => Get(nameof(InvalidKeywordValue));

    public static string MustBeNonNegativeInteger => Get(nameof(MustBeNonNegativeInteger));

    public static string MustBePositiveNumber => Get(nameof(MustBePositiveNumber));

    public static string MustBeNumber => Get(nameof(MustBeNumber));

    public static string MustBeArray => Get(nameof(MustBeArray));

    public static string MustBeDistinctTypes => Get(nameof(MustBeDistinctTypes));

    public static string ItemsArrayForm => Get(nameof(ItemsArrayForm));

    /// <summary>Formats a message with the current UI culture.</summary>
    public static string Format(string message, params object?[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, message, arguments);

    private static string Get(string name) => Resources.GetString(name, CultureInfo.CurrentUICulture) ?? name;
}
