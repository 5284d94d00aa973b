namespace CrmKit.JsonSchema;

/// <summary>
/// The stable codes carried by <see cref="SchemaDefinitionException.Code"/>.
/// </summary>
public static class SchemaErrorCodes
{
    /// <summary>The schema uses a keyword outside the supported subset.</summary>
    public const string UnsupportedKeyword = "schema.unsupported_keyword";

    /// <summary>The schema uses a <c>format</c> other than email, date, date-time, uri and uuid.</summary>
    public const string UnsupportedFormat = "schema.unsupported_format";

    /// <summary>The schema is not valid JSON or a keyword has a malformed value.</summary>
    public const string Invalid = "schema.invalid";

    /// <summary>The schema nests subschemas deeper than <see cref="JsonSchemaCompilerOptions.MaxDepth"/>.</summary>
    public const string TooDeep = "schema.too_deep";
}
