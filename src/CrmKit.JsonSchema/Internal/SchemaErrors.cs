using CrmKit.JsonSchema.Resources;

namespace CrmKit.JsonSchema.Internal;

/// <summary>Creates the <see cref="SchemaDefinitionException"/>s thrown while compiling.</summary>
internal static class SchemaErrors
{
    public static SchemaDefinitionException InvalidJson(Exception inner) =>
        new(SchemaErrorCodes.Invalid, string.Empty, string.Empty, SchemaMessages.Format(SchemaMessages.InvalidJson, inner.Message), inner);

    public static SchemaDefinitionException NotASchema(string pointer) =>
        new(SchemaErrorCodes.Invalid, string.Empty, pointer, SchemaMessages.Format(SchemaMessages.SchemaNotObjectOrBoolean, pointer));

    public static SchemaDefinitionException InvalidValue(string keyword, string pointer, string detail, Exception? inner = null) =>
        new(
            SchemaErrorCodes.Invalid,
            keyword,
            pointer,
            SchemaMessages.Format(SchemaMessages.InvalidKeywordValue, keyword, pointer, detail),
            inner);

    public static SchemaDefinitionException UnsupportedKeyword(string keyword, string pointer) =>
        new(
            SchemaErrorCodes.UnsupportedKeyword,
            keyword,
            pointer,
            SchemaMessages.Format(SchemaMessages.UnsupportedKeyword, keyword, pointer, SchemaKeywords.SupportedList));

    public static SchemaDefinitionException UnsupportedFormat(string format, string pointer) =>
        new(SchemaErrorCodes.UnsupportedFormat, "format", pointer, SchemaMessages.Format(SchemaMessages.UnsupportedFormat, format, pointer));

    public static SchemaDefinitionException TooDeep(int maxDepth, string pointer) =>
        new(SchemaErrorCodes.TooDeep, string.Empty, pointer, SchemaMessages.Format(SchemaMessages.TooDeep, maxDepth, pointer));
}
