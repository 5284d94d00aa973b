namespace CrmKit.JsonSchema.Internal;

/// <summary>
/// The numeric assertions of one schema: <c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>,
/// <c>exclusiveMaximum</c> and <c>multipleOf</c>, each read exactly from the schema text.
/// </summary>
internal sealed class NumberConstraints
{
    private readonly JsonNumber? _minimum;
    private readonly JsonNumber? _maximum;
    private readonly JsonNumber? _exclusiveMinimum;
    private readonly JsonNumber? _exclusiveMaximum;
    private readonly JsonNumber? _multipleOf;

    public NumberConstraints(
        JsonNumber? minimum,
        JsonNumber? maximum,
        JsonNumber? exclusiveMinimum,
        JsonNumber? exclusiveMaximum,
        JsonNumber? multipleOf)
    {
        _minimum = minimum;
        _maximum = maximum;
        _exclusiveMinimum = exclusiveMinimum;
        _exclusiveMaximum = exclusiveMaximum;
        _multipleOf = multipleOf;
    }

    public bool IsValid(in JsonNumber number) =>
        (_minimum is not { } minimum || JsonNumber.Compare(number, minimum) >= 0)
        && (_maximum is not { } maximum || JsonNumber.Compare(number, maximum) <= 0)
        && (_exclusiveMinimum is not { } exclusiveMinimum || JsonNumber.Compare(number, exclusiveMinimum) > 0)
        && (_exclusiveMaximum is not { } exclusiveMaximum || JsonNumber.Compare(number, exclusiveMaximum) < 0)
        && (_multipleOf is not { } multipleOf || number.IsMultipleOf(multipleOf));

    public void Collect(in JsonNumber number, ICollection<SchemaViolation> violations, string pointer)
    {
        if (_minimum is { } minimum && JsonNumber.Compare(number, minimum) < 0)
        {
            violations.Add(new SchemaViolation(pointer, "minimum", minimum.Boxed));
        }

        if (_maximum is { } maximum && JsonNumber.Compare(number, maximum) > 0)
        {
            violations.Add(new SchemaViolation(pointer, "maximum", maximum.Boxed));
        }

        if (_exclusiveMinimum is { } exclusiveMinimum && JsonNumber.Compare(number, exclusiveMinimum) <= 0)
        {
            violations.Add(new SchemaViolation(pointer, "exclusiveMinimum", exclusiveMinimum.Boxed));
        }

        if (_exclusiveMaximum is { } exclusiveMaximum && JsonNumber.Compare(number, exclusiveMaximum) >= 0)
        {
            violations.Add(new SchemaViolation(pointer, "exclusiveMaximum", exclusiveMaximum.Boxed));
        }

        if (_multipleOf is { } multipleOf && !number.IsMultipleOf(multipleOf))
        {
            violations.Add(new SchemaViolation(pointer, "multipleOf", multipleOf.Boxed));
        }
    }
}
