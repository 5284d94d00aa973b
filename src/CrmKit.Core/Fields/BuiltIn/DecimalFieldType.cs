using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;

namespace CrmKit.Core.Fields.BuiltIn;

/// <summary>
/// <c>decimal</c>: an exact decimal number, held by <see cref="decimal"/> end to end (never a double). A value must be
/// representable exactly: at most 28 digits after the point and a coefficient of at most 29 digits (up to
/// 79228162514264337593543950335); nothing is rounded. The written scale is kept (<c>1.50</c> stays <c>1.50</c>,
/// <c>0.1</c> stays <c>0.1</c>); exponent forms are rewritten in plain notation (<c>1.5e3</c> becomes <c>1500</c>).
/// </summary>
internal sealed class DecimalFieldType : FieldType
{
    /// <summary>Creates the type.</summary>
    public DecimalFieldType()
        : base(new FieldTypeDescriptor(
            BuiltInFieldTypes.Decimal,
            FieldValueKind.Decimal,
            new JsonObject { ["type"] = "number" },
            FieldMessages.DisplayName(BuiltInFieldTypes.Decimal)))
    {
    }

    /// <inheritdoc />
    public override void Normalize(FieldValueContext context)
    {
        if (!JsonValues.TryGetNumber(context.Value, out var number))
        {
            return;
        }

        if (!number.TryGetDecimal(out var value))
        {
            FieldMessages.Report(context, FieldErrorCodes.DecimalOutOfRange);
            return;
        }

        var canonical = value.ToString(CultureInfo.InvariantCulture);
        if (JsonValues.RawText(context.Value) != canonical)
        {
            context.Value = JsonValues.Number(canonical);
        }
    }
}
