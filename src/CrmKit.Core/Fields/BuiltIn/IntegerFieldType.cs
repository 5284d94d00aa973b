using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>integer</c>: a whole number that fits a signed 64-bit integer. Integral numbers written another way
/// (<c>1.0</c>, <c>1e3</c>, <c>-0</c>) are rewritten in plain form (<c>1</c>, <c>1000</c>, <c>0</c>); numbers with a
/// fractional part are left for the schema's <c>type</c> check.
/// </summary>
internal sealed class IntegerFieldType : FieldType
{
    /// <summary>Creates the type.</summary>
    public IntegerFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Integer,
            FieldValueKind.Integer,
            new JsonObject { ["type"] = "integer" },
            FieldMessages.DisplayName(BuiltInFieldTypes.Integer)))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        if (!JsonValues.TryGetNumber(context.Value, out var number) || !number.IsInteger)
        {
            return;
        }

        if (!number.TryGetInt64(out var value))
        {
            FieldMessages.Report(context, FieldErrorCodes.IntegerOutOfRange);
            return;
        }

        var canonical = value.ToString(CultureInfo.InvariantCulture);
        if (JsonValues.RawText(context.Value) != canonical)
        {
            context.Value = JsonValues.Number(canonical);
        }
    }
}
