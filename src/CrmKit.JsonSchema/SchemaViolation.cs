namespace CrmKit.JsonSchema;

/// <summary>
/// One failed assertion found while validating an instance against a <see cref="CompiledSchema"/>.
/// </summary>
/// <param name="Pointer">
/// The RFC 6901 JSON pointer of the failing instance location, relative to the pointer passed to
/// <see cref="CompiledSchema.Validate"/> (<c>""</c> is the instance itself, <c>/email</c> a property, <c>/tags/0</c> an
/// array item). For <c>required</c> and <c>additionalProperties</c> it names the missing or unexpected property.
/// </param>
/// <param name="Keyword">
/// The schema keyword that failed, for example <c>type</c>, <c>maxLength</c>, <c>format</c> or <c>required</c>;
/// <c>false</c> when the whole schema is the boolean schema <c>false</c>.
/// </param>
/// <param name="Limit">
/// The keyword's value that a message needs: the length or item count limit (<see cref="long"/>), the numeric bound
/// (<see cref="decimal"/>, or <see cref="double"/> when it does not fit a decimal), the pattern or format name, the
/// expected type names joined with <c>", "</c>, the missing property name, or the JSON text of <c>enum</c> and
/// <c>const</c>; <see langword="null"/> when the keyword has no such value.
/// </param>
public sealed record SchemaViolation(string Pointer, string Keyword, object? Limit);
