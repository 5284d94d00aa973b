namespace CrmKit.JsonSchema;

/// <summary>
/// Thrown by <see cref="JsonSchemaCompiler.Compile"/> when a schema cannot be compiled: it is malformed, too deep, or
/// uses a keyword or format outside the supported subset.
/// </summary>
public sealed class SchemaDefinitionException : Exception
{
    /// <summary>Initializes a new instance with an empty code, keyword and pointer.</summary>
    public SchemaDefinitionException()
        : this(string.Empty)
    {
    }

    /// <summary>Initializes a new instance with a message and an empty code, keyword and pointer.</summary>
    /// <param name="message">The message that describes the error.</param>
    public SchemaDefinitionException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Initializes a new instance with a message, an inner exception and an empty code, keyword and pointer.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public SchemaDefinitionException(string message, Exception? innerException)
        : this(string.Empty, string.Empty, string.Empty, message, innerException)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="code">One of the <see cref="SchemaErrorCodes"/>.</param>
    /// <param name="keyword">The keyword at fault; empty when the schema as a whole is at fault.</param>
    /// <param name="pointer">The JSON pointer, inside the schema document, of the schema object or value at fault.</param>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public SchemaDefinitionException(string code, string keyword, string pointer, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Keyword = keyword;
        Pointer = pointer;
    }

    /// <summary>Gets the stable error code, one of the <see cref="SchemaErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>Gets the keyword at fault (for example <c>allOf</c> or <c>minLength</c>); empty when none applies.</summary>
    public string Keyword { get; }

    /// <summary>
    /// Gets the RFC 6901 JSON pointer, inside the schema document, of the schema object that holds the keyword
    /// (for example <c>/properties/a</c>); empty for the root schema.
    /// </summary>
    public string Pointer { get; }
}
