using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.JsonSchema.Internal;

namespace CrmKit.JsonSchema;

/// <summary>
/// Compiles JSON Schema (draft 2020-12) text into a <see cref="CompiledSchema"/>. Stateless and thread-safe: one
/// instance can compile any number of schemas concurrently.
/// </summary>
/// <remarks>
/// Supported keywords: <c>type</c>, <c>enum</c>, <c>const</c>, <c>required</c>, <c>properties</c>,
/// <c>additionalProperties</c>, <c>pattern</c>, <c>minLength</c>, <c>maxLength</c>, <c>minimum</c>, <c>maximum</c>,
/// <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>, <c>multipleOf</c>, <c>items</c>, <c>minItems</c>,
/// <c>maxItems</c>, <c>uniqueItems</c> and <c>format</c> (email, date, date-time, uri, uuid, asserted), plus boolean
/// schemas. Annotations (<c>$schema</c>, <c>$id</c>, <c>$comment</c>, <c>title</c>, <c>description</c>,
/// <c>default</c>, <c>examples</c>, <c>readOnly</c>, <c>writeOnly</c>, <c>deprecated</c>) and keywords starting with
/// <c>x-</c> are ignored. Any other keyword is refused with a <see cref="SchemaDefinitionException"/>.
/// </remarks>
public sealed class JsonSchemaCompiler
{
    private readonly int _maxDepth;
    private readonly TimeSpan _patternMatchTimeout;

    /// <summary>Initializes a new compiler with the default <see cref="JsonSchemaCompilerOptions"/>.</summary>
    public JsonSchemaCompiler()
        : this(new JsonSchemaCompilerOptions())
    {
    }

    /// <summary>Initializes a new compiler; the options are copied, so later changes to them have no effect.</summary>
    /// <param name="options">The limits to apply.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="JsonSchemaCompilerOptions.MaxDepth"/> is negative, or
    /// <see cref="JsonSchemaCompilerOptions.PatternMatchTimeout"/> is not positive.
    /// </exception>
    public JsonSchemaCompiler(JsonSchemaCompilerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxDepth, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PatternMatchTimeout, TimeSpan.Zero, nameof(options));
        _maxDepth = options.MaxDepth;
        _patternMatchTimeout = options.PatternMatchTimeout;
    }

    /// <summary>Compiles a schema.</summary>
    /// <param name="schemaJson">The schema as JSON text: an object or a boolean.</param>
    /// <returns>The compiled, reusable validator.</returns>
    /// <exception cref="SchemaDefinitionException">
    /// The text is not a valid schema (<see cref="SchemaErrorCodes.Invalid"/>), nests too deeply
    /// (<see cref="SchemaErrorCodes.TooDeep"/>), or uses an unsupported keyword or format.
    /// </exception>
    public CompiledSchema Compile(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        var raw = Parse(schemaJson);
        SchemaSyntaxChecker.Check(raw, _maxDepth);
        var model = SchemaModelReader.Load(raw);
        return new SchemaNodeCompiler(_patternMatchTimeout).Compile(model, raw, string.Empty);
    }

    private JsonNode Parse(string schemaJson)
    {
        var documentOptions = new JsonDocumentOptions
        {
            // Each level of schema nesting takes two JSON levels ("properties": {"name": {...}}), plus room for values.
            MaxDepth = (2 * _maxDepth) + 64,
            AllowDuplicateProperties = false,
        };
        try
        {
            return JsonNode.Parse(schemaJson, documentOptions: documentOptions) ?? throw SchemaErrors.NotASchema(string.Empty);
        }
        catch (JsonException exception)
        {
            throw SchemaErrors.InvalidJson(exception);
        }
    }
}
