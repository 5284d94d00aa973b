namespace CrmKit.JsonSchema;

/// <summary>
/// Limits applied by <see cref="JsonSchemaCompiler"/>.
/// </summary>
public sealed class JsonSchemaCompilerOptions
{
    /// <summary>
    /// Gets or sets how deeply subschemas may nest (through <c>properties</c>, <c>additionalProperties</c> and
    /// <c>items</c>); the root schema is depth 0. Deeper schemas are refused with <see cref="SchemaErrorCodes.TooDeep"/>.
    /// Defaults to 32.
    /// </summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>
    /// Gets or sets how long one <c>pattern</c> match may run before it is abandoned; an abandoned match counts as a
    /// failed <c>pattern</c> assertion. Defaults to one second.
    /// </summary>
    public TimeSpan PatternMatchTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
